package io.configdrift.collector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configdrift.agent.it.ChildJvm;
import io.configdrift.collector.testsupport.CollectorProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The drift page in a real headless Chromium, against a real collector fed by real agents: three
 * child JVMs of a small checkout program in staging/us-east-1, production/eu-west-1 and
 * production/us-east-1, configured the way the drift stories go wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftPageIT {
  private static final String SERVICE = "checkout";
  private static final String STAGING = "staging/us-east-1";
  private static final String PRODUCTION_EU = "production/eu-west-1";
  private static final String PRODUCTION_US = "production/us-east-1";
  private static final String MARKUP_ROW = "sysprop:" + CheckoutProgram.MARKUP_KEY;
  private static final String BANNER_MARKUP = "<b>Black Friday</b><script>alert(2)</script>";
  /** The variables the test gives the children; every other one comes from the build machine. */
  private static final Set<String> PLANTED = Set.of("DB_TIMEOUT", "INVENTORY_SERVICE_URL", "LOG_LEVEL",
      "FEATURE_BANNER", "ENABLE_NEW_CHECKOUT");

  private Path temp;
  private CollectorProcess collector;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void startCollectorAgentsAndBrowser(@TempDir Path temp) throws Exception {
    this.temp = temp;
    collector = CollectorProcess.start(temp, "jdbc:sqlite:" + temp.resolve("c.db"), "--policy", writePolicy().toString());
    runCheckout(STAGING, "on", Map.of(
        "DB_TIMEOUT", "10s",
        "INVENTORY_SERVICE_URL", "http://inventory.staging.internal:8080",
        "LOG_LEVEL", "INFO",
        "FEATURE_BANNER", BANNER_MARKUP), List.of("-Ddb.pool.size=20"));
    runCheckout(PRODUCTION_EU, "off", Map.of(
        "DB_TIMEOUT", "60s",
        "LOG_LEVEL", "INFO",
        "FEATURE_BANNER", "off",
        "ENABLE_NEW_CHECKOUT", "true"), List.of());
    runCheckout(PRODUCTION_US, "off", Map.of(
        "DB_TIMEOUT", "60s",
        "LOG_LEVEL", "INFO",
        "FEATURE_BANNER", "off",
        "ENABLE_NEW_CHECKOUT", "true"), List.of("-Ddb.pool.size=20"));
    awaitLiveScopes(3);
    browser = HeadlessChromium.start(temp.resolve("chromium-profile"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterAll
  void stopBrowserAndCollector() throws Exception {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (collector != null) {
        collector.close();
      }
    }
  }

  @Test
  void servicesListCountsFindingsByKindAndThePickerOpensTheMatrix() throws Exception {
    browser.get(collector.baseUrl() + "/");
    WebElement service = wait.until(d -> d.findElement(By.cssSelector("#services-table tr[data-service='checkout']")));
    // DB_TIMEOUT, FEATURE_BANNER and the markup key differ between staging and each production region.
    assertThat(count(service, "different")).isEqualTo(6);
    // INVENTORY_SERVICE_URL: staging sets it, both production regions read it unset.
    assertThat(count(service, "missing")).isEqualTo(2);
    // db.pool.size: production/eu-west-1 runs on the code's default, the other two set it.
    assertThat(count(service, "defaulted")).isEqualTo(2);
    // ENABLE_NEW_CHECKOUT: set in both production regions, read in neither.
    assertThat(count(service, "unused")).isEqualTo(2);
    assertThat(count(service, "inconsistent")).isZero();
    assertThat(count(service, "all")).isEqualTo(12);
    saveScreenshot("drift-services.png");

    new Select(browser.findElement(By.id("service-picker"))).selectByVisibleText(SERVICE);

    awaitRow("env:DB_TIMEOUT");
    assertThat(browser.getCurrentUrl()).endsWith("#service=checkout");
    assertThat(browser.findElement(By.id("service-title")).getText()).isEqualTo(SERVICE);
    assertThat(headings(".environment-heading")).containsExactly("production", "staging");
    assertThat(headings(".region-heading")).containsExactly("eu-west-1", "us-east-1", "us-east-1");
    assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
  }

  @Test
  void matrixColoursDivergingValuesAndBadgesTheCellsThatDrift() {
    open("#service=checkout");

    WebElement timeout = awaitRow("env:DB_TIMEOUT");
    assertThat(cell(timeout, STAGING).getText()).isEqualTo("10s");
    assertThat(cell(timeout, PRODUCTION_EU).getText()).isEqualTo("60s");
    assertThat(background(cell(timeout, STAGING))).isNotEqualTo(background(cell(timeout, PRODUCTION_EU)));
    assertThat(background(cell(timeout, PRODUCTION_EU))).isEqualTo(background(cell(timeout, PRODUCTION_US)));
    assertThat(badges(timeout.findElement(By.cssSelector(".key-cell")))).containsExactly("different");

    WebElement inventory = row("env:INVENTORY_SERVICE_URL");
    assertThat(cell(inventory, STAGING).getText()).isEqualTo("http://inventory.staging.internal:8080");
    for (String production : List.of(PRODUCTION_EU, PRODUCTION_US)) {
      assertThat(cell(inventory, production).getText()).startsWith("unset");
      assertThat(badges(cell(inventory, production))).containsExactly("missing");
    }

    WebElement deadFlag = row("env:ENABLE_NEW_CHECKOUT");
    assertThat(badges(cell(deadFlag, PRODUCTION_EU))).containsExactly("unused");
    assertThat(badges(cell(deadFlag, PRODUCTION_US))).containsExactly("unused");
    assertThat(cell(deadFlag, STAGING).getText()).isEqualTo("—");

    WebElement pool = row("sysprop:db.pool.size");
    assertThat(cell(pool, PRODUCTION_EU).getText()).contains("unset", "default: 10");
    assertThat(badges(cell(pool, PRODUCTION_EU))).containsExactly("defaulted");

    WebElement logLevel = row("env:LOG_LEVEL");
    assertThat(logLevel.getDomAttribute("class")).doesNotContain("drift");
    assertThat(cell(logLevel, STAGING).getDomAttribute("class")).doesNotContain("value-colour");
  }

  @Test
  void markupFromTheApiIsShownAsTextAndNeverRuns() {
    open("#service=checkout");

    WebElement markupRow = awaitRow(MARKUP_ROW);
    assertThat(markupRow.findElement(By.cssSelector(".key-name")).getText()).isEqualTo(CheckoutProgram.MARKUP_KEY);
    assertThat(cell(markupRow, STAGING).getText()).startsWith("#");
    assertThat(cell(row("env:FEATURE_BANNER"), STAGING).getText()).isEqualTo(BANNER_MARKUP);

    markupRow.findElement(By.cssSelector(".key-name")).click();
    // The panel renders twice (before and after its timeline arrives): look the title up afresh each time.
    wait.until(d -> CheckoutProgram.MARKUP_KEY.equals(
        d.findElement(By.cssSelector("#key-panel .key-title")).getText()));
    wait.until(d -> !d.findElements(By.cssSelector("#key-panel .timeline-entry")).isEmpty());

    assertThat(browser.findElements(By.tagName("img"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("meta[http-equiv='Content-Security-Policy']")).getDomAttribute("content"))
        .contains("default-src 'none'", "script-src 'self'").doesNotContain("unsafe");
    assertThat(browser.findElements(By.cssSelector("main script, main b"))).isEmpty();
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
  }

  @Test
  void filterDriftOnlyAndNoiseTogglesChooseTheRows() {
    open("#service=checkout");
    awaitRow("env:DB_TIMEOUT");
    assertThat(visibleRows()).contains("env:DB_TIMEOUT", "env:LOG_LEVEL", MARKUP_ROW).doesNotContain("env:PATH");

    WebElement filter = browser.findElement(By.id("filter"));
    filter.sendKeys("timeout");
    wait.until(d -> visibleRows().equals(List.of("env:DB_TIMEOUT")));
    assertThat(browser.getCurrentUrl()).contains("filter=timeout");
    filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    wait.until(d -> visibleRows().contains("env:LOG_LEVEL"));

    browser.findElement(By.id("drift-only")).click();
    wait.until(d -> !visibleRows().contains("env:LOG_LEVEL"));
    assertThat(visibleRows()).contains("env:DB_TIMEOUT", "env:INVENTORY_SERVICE_URL", "env:ENABLE_NEW_CHECKOUT", MARKUP_ROW);
    browser.findElement(By.id("drift-only")).click();
    wait.until(d -> visibleRows().contains("env:LOG_LEVEL"));

    browser.findElement(By.id("show-noise")).click();
    WebElement path = awaitRow("env:PATH");
    assertThat(path.getDomAttribute("class")).contains("muted");
    assertThat(browser.getCurrentUrl()).contains("noise=1");
  }

  @Test
  void clickingAKeyShowsItsTimelineCallersAndFindings() throws Exception {
    open("#service=checkout&drift=1");
    awaitRow("env:DB_TIMEOUT").findElement(By.cssSelector(".key-name")).click();

    wait.until(d -> d.findElements(By.cssSelector("#key-panel .timeline-scope")).size() == 3);
    assertThat(browser.findElement(By.cssSelector("#key-panel .key-title")).getText()).isEqualTo("DB_TIMEOUT");
    WebElement staging = timelineScope(STAGING);
    assertThat(staging.findElement(By.cssSelector(".value-chip")).getText()).isEqualTo("10s");
    assertThat(staging.getText()).contains("1 instance", "first seen", "last seen");
    assertThat(staging.findElement(By.cssSelector(".callers")).getText())
        .contains("io.configdrift.collector.web.CheckoutProgram.main(CheckoutProgram.java:");
    assertThat(timelineScope(PRODUCTION_EU).findElement(By.cssSelector(".value-chip")).getText()).isEqualTo("60s");
    assertThat(background(staging.findElement(By.cssSelector(".value-chip"))))
        .isEqualTo(background(cell(row("env:DB_TIMEOUT"), STAGING)));

    List<WebElement> findings = browser.findElements(By.cssSelector("#key-panel .finding"));
    assertThat(findings).isNotEmpty();
    assertThat(findings).allSatisfy(finding -> assertThat(finding.getText()).contains("different", "DB_TIMEOUT is"));
    assertThat(browser.getCurrentUrl()).contains("key=env%3ADB_TIMEOUT");

    saveScreenshot("drift-page.png");
    browser.executeScript("arguments[0].scrollIntoView()", timelineScope(PRODUCTION_EU));
    saveScreenshot("drift-page-timeline.png");

    browser.navigate().back();
    wait.until(d -> d.findElements(By.cssSelector("#key-panel .key-title")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("tr.matrix-row.selected"))).isEmpty();
  }

  @Test
  void aPastedLinkReopensTheSameView() {
    open("#service=checkout");
    awaitRow("env:DB_TIMEOUT");
    browser.findElement(By.id("filter")).sendKeys("_");
    browser.findElement(By.id("drift-only")).click();
    wait.until(d -> !visibleRows().contains("env:LOG_LEVEL"));
    row("env:INVENTORY_SERVICE_URL").click();
    wait.until(d -> d.findElements(By.cssSelector("#key-panel .timeline-entry")).size() > 0);
    List<String> rows = visibleRows();
    String link = browser.getCurrentUrl();
    assertThat(link).contains("service=checkout", "filter=_", "drift=1", "key=env%3AINVENTORY_SERVICE_URL");

    browser.get("about:blank");
    browser.get(link);
    assertSameView(rows);
    browser.navigate().refresh();
    assertSameView(rows);
  }

  private void assertSameView(List<String> rows) {
    wait.until(d -> !d.findElements(By.cssSelector("#key-panel .timeline-entry")).isEmpty());
    assertThat(visibleRows()).isEqualTo(rows);
    assertThat(browser.findElement(By.id("filter")).getDomProperty("value")).isEqualTo("_");
    assertThat(browser.findElement(By.id("drift-only")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("show-noise")).isSelected()).isFalse();
    assertThat(browser.findElement(By.cssSelector("#key-panel .key-title")).getText()).isEqualTo("INVENTORY_SERVICE_URL");
    assertThat(browser.findElement(By.cssSelector("tr.matrix-row.selected")).getDomAttribute("data-key"))
        .isEqualTo("env:INVENTORY_SERVICE_URL");
  }

  // --- the page

  /** Into target/, for people to look at. */
  private void saveScreenshot(String name) throws Exception {
    Path screenshot = Path.of("target", name).toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
  }

  private void open(String hash) {
    browser.get("about:blank");
    browser.get(collector.baseUrl() + "/" + hash);
  }

  private List<String> visibleRows() {
    return browser.findElements(By.cssSelector("#matrix tr.matrix-row")).stream()
        .map(row -> row.getDomAttribute("data-key")).toList();
  }

  /** By data attribute, compared in Java: keys such as the markup one need no CSS escaping. */
  private WebElement row(String id) {
    return browser.findElements(By.cssSelector("#matrix tr.matrix-row")).stream()
        .filter(row -> id.equals(row.getDomAttribute("data-key"))).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id + " among " + visibleRows()));
  }

  private WebElement awaitRow(String id) {
    wait.until(d -> visibleRows().contains(id));
    return row(id);
  }

  private static WebElement cell(WebElement row, String scope) {
    return row.findElements(By.cssSelector("td.cell")).stream()
        .filter(cell -> scope.equals(cell.getDomAttribute("data-scope"))).findFirst()
        .orElseThrow(() -> new AssertionError("no cell for " + scope));
  }

  private WebElement timelineScope(String scope) {
    return browser.findElements(By.cssSelector("#key-panel .timeline-scope")).stream()
        .filter(block -> scope.equals(block.getDomAttribute("data-scope"))).findFirst()
        .orElseThrow(() -> new AssertionError("no timeline for " + scope));
  }

  private static List<String> badges(WebElement within) {
    return within.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList();
  }

  private static String background(WebElement element) {
    return element.getCssValue("background-color");
  }

  private List<String> headings(String selector) {
    return browser.findElements(By.cssSelector("#matrix thead " + selector)).stream().map(WebElement::getText).toList();
  }

  private static int count(WebElement serviceRow, String kind) {
    String text = serviceRow.findElement(By.cssSelector("td.count[data-kind='" + kind + "']")).getText();
    return "·".equals(text) ? 0 : Integer.parseInt(text);
  }

  // --- the collector and its agents

  /**
   * The children inherit the build machine's environment: those variables are noise here, not the
   * service's configuration, so the policy says so (they show muted, under "show platform noise").
   */
  private Path writePolicy() throws Exception {
    StringBuilder yaml = new StringBuilder("noise:\n  add:\n");
    for (String name : new TreeSet<>(System.getenv().keySet())) {
      if (!PLANTED.contains(name)) {
        yaml.append("    - \"env:").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
      }
    }
    return Files.writeString(temp.resolve("policy.yaml"), yaml);
  }

  private void runCheckout(String scope, String markupValue, Map<String, String> environment, List<String> jvmOptions)
      throws Exception {
    String[] environmentAndRegion = scope.split("/");
    ChildJvm child = ChildJvm.on(ChildJvm.currentJavaHome())
        .withAgent("service=" + SERVICE + ",environment=" + environmentAndRegion[0] + ",region=" + environmentAndRegion[1]
            + ",instance=checkout-" + scope.replace('/', '-') + ",collector=" + collector.baseUrl() + ",interval=1")
        // test.classes when the failsafe configuration passes it, else target/test-classes.
        .classPath(ChildJvm.testClasses())
        .env("CONFIGDRIFT_FINGERPRINT_KEY", "drift-page-test-key")
        .main(CheckoutProgram.class, markupValue);
    environment.forEach(child::env);
    jvmOptions.forEach(child::jvmOption);
    ChildJvm.Result result = child.run();
    assertThat(result.exitCode).as(result.toString()).isZero();
  }

  private void awaitLiveScopes(int scopes) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    HttpRequest request = HttpRequest.newBuilder(URI.create(collector.baseUrl() + "/v1/services")).build();
    List<String> seen = new ArrayList<>();
    for (int attempt = 0; attempt < 600; attempt++) {
      JsonNode services = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
      for (JsonNode service : services) {
        if (SERVICE.equals(service.path("service").asText()) && service.path("liveScopes").asInt() == scopes) {
          return;
        }
      }
      seen.add(services.toString());
      Thread.sleep(100);
    }
    throw new AssertionError("the collector never listed " + SERVICE + " in " + scopes + " scopes; last answer: "
        + seen.get(seen.size() - 1) + "\ncollector log:\n" + collector.log());
  }
}
