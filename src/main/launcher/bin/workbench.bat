@echo off
rem Deep Network Workbench: with no arguments it opens the window; with a command
rem (workbench train ..., workbench runs) it runs the command line. Uses %JAVA_HOME%\bin\java.exe,
rem else the java on the PATH; needs Java 17 or newer. WORKBENCH_OPTS adds JVM options.
setlocal
set "HOME_DIR=%~dp0.."
for %%i in ("%HOME_DIR%") do set "HOME_DIR=%%~fi"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
  goto check
)
where java >nul 2>nul
if errorlevel 1 (
  echo Deep Network Workbench needs Java 17 or newer and found no java: install one and put it on the PATH, or set JAVA_HOME to it. 1>&2
  exit /b 10
)
set "JAVA=java"
:check
set "VERSION="
for /f "tokens=3" %%v in ('"%JAVA%" -version 2^>^&1 ^| findstr /i "version"') do set "VERSION=%%~v"
for /f "tokens=1,2 delims=._-+" %%a in ("%VERSION%") do (
  set "MAJOR=%%a"
  if "%%a"=="1" set "MAJOR=%%b"
)
if not defined MAJOR set "MAJOR=0"
if %MAJOR% LSS 17 (
  echo Deep Network Workbench needs Java 17 or newer, but %JAVA% is Java %VERSION%: install Java 17+ and put it first on the PATH, or set JAVA_HOME to it. 1>&2
  exit /b 10
)
"%JAVA%" -Xmx6g %WORKBENCH_OPTS% "-Dworkbench.home=%HOME_DIR%" -cp "%HOME_DIR%\lib\*" org.dnw.app.Launcher %*
exit /b %ERRORLEVEL%
