package org.dnw.ui;

/**
 * Makes TestFX run on Monocle's headless, software-rendered platform, so UI tests need no display.
 * Call it from a static initialiser of every {@code *UiTest}, before the toolkit starts. A property
 * already set wins, so {@code -Dtestfx.headless=false} under Xvfb shows the tests in a window.
 */
public final class HeadlessFx {

    private HeadlessFx() {}

    public static void configure() {
        if (Boolean.parseBoolean(System.getProperty("testfx.headless", "true"))) {
            setDefault("testfx.robot", "glass");
            setDefault("testfx.headless", "true");
            setDefault("prism.order", "sw");
            setDefault("glass.platform", "Monocle");
            setDefault("monocle.platform", "Headless");
            // Monocle's headless screen is 1280×800 unless told; 1920×1080 windows must fit.
            setDefault("headless.geometry", "1920x1200-32");
            setDefault("java.awt.headless", "true");
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
