package io.configdrift.collector.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The machine's own Chromium and chromedriver (Debian packages), headless, with a fresh profile.
 * Both paths are given explicitly, so Selenium Manager never runs and nothing is downloaded.
 */
final class HeadlessChromium {
  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** A 1280×800 viewport; alerts are left open (not dismissed) so a test can see them. */
  static ChromeDriver start(Path profileDirectory) throws IOException {
    Files.createDirectories(profileDirectory);
    // Belt and braces: with the driver named here too, Selenium skips its manager.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profileDirectory.toAbsolutePath(), "--window-size=1280,800");
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      fitViewport(driver, 1280, 800);
    } catch (RuntimeException e) {
      driver.quit();
      throw e;
    }
    return driver;
  }

  /** The window's size includes the browser's own frame; grows it so the page itself gets width × height. */
  private static void fitViewport(ChromeDriver driver, int width, int height) {
    List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight];");
    Dimension window = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(
        window.getWidth() + width - ((Number) inner.get(0)).intValue(),
        window.getHeight() + height - ((Number) inner.get(1)).intValue()));
  }

  /** The page's console errors since the last call: failed loads, script errors, CSP violations. */
  static List<String> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }
}
