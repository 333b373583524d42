package io.configdrift.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.configdrift.collector.testsupport.CollectorProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A collector with a read token: the page asks for it, keeps it for the tab, and forgets it on request. */
class DriftPageTokenIT {
  private static final String READ_TOKEN = "page-read-token-5b1e";

  @TempDir Path temp;

  @Test
  void asksForTheReadTokenAndUsesIt() throws Exception {
    try (CollectorProcess collector = CollectorProcess.start(temp, "jdbc:sqlite:" + temp.resolve("c.db"),
        "--read-token", READ_TOKEN)) {
      ChromeDriver browser = HeadlessChromium.start(temp.resolve("chromium-profile"));
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(collector.baseUrl() + "/");

        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-form")));
        submitToken(browser, "not-the-token");
        wait.until(d -> d.findElement(By.id("token-reason")).getText().startsWith("The token was refused"));
        assertThat(form.isDisplayed()).isTrue();

        submitToken(browser, READ_TOKEN);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("services-view")));
        assertThat(browser.findElement(By.id("services-table")).getText()).contains("No agent has reported yet");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("services-view")));
        assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();

        browser.findElement(By.id("forget-token")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-form")));
        assertThat(browser.findElement(By.id("services-view")).isDisplayed()).isFalse();
      } finally {
        browser.quit();
      }
    }
  }

  private static void submitToken(WebDriver browser, String token) {
    WebElement input = browser.findElement(By.id("token-input"));
    input.sendKeys(token);
    browser.findElement(By.cssSelector("#token-form button[type='submit']")).click();
  }
}
