/**
 * Headless commands: {@code train}, {@code evaluate}, {@code predict}, {@code runs} and {@code
 * bench}. Prints progress and tables to the console; never a stack trace for a user's mistake.
 */
package org.dnw.cli;
