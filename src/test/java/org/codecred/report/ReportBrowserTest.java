package org.codecred.report;

import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample months' report in a real Chromium (Debian's chromium and chromium-driver, as CI
 * installs them), opened from file:// as from a shared drive: an analyst filters the month to HOLD,
 * searches an NPI, opens the provider, goes back to the month and on to the previous month. A
 * roster name that is markup stays text and runs nothing; no page asks for anything outside its
 * month's report folder. Screenshots of the index and a provider page go to target/report-screenshots.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Muñoz: HOLD in 2026-10 (excluded by the OIG from 2026-10-05), CLEAR in 2026-09. */
    private static final String HOLD_NPI = "1200006165";

    private TestMonth october;
    private WebDriver browser;

    @BeforeAll
    void runTheSampleMonthsAndOpenABrowser(@TempDir Path tmp) throws Exception {
        assertThat(Path.of(CHROMIUM)).as("Chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        TestMonth september = new TestMonth(tmp, "2026-09");
        october = new TestMonth(tmp, "2026-10");
        copy(Path.of("input/2026-09"), september.monthDir());
        copy(Path.of("input/2026-10"), october.monthDir());
        ReportJobTest.plantHostileName(october.monthDir().resolve("roster.csv"));
        assertThat(september.run()).isEqualTo(ExitCode.COMPLETED);
        assertThat(october.run()).isEqualTo(ExitCode.COMPLETED);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM); // the system's browser: Selenium Manager downloads nothing
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL); // the DevTools network events: every request, file:// too
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAnalystFiltersSearchesOpensAProviderAndGoesBackAndToThePreviousMonth() throws IOException {
        browser.manage().logs().get(LogType.PERFORMANCE); // reading the log empties it: this test's requests only
        Path index = october.outputDir().resolve("report/index.html");
        browser.get(index.toUri().toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Credentialing report, 2026-10");
        // report.js ran from file:// under the policy: it shows the filters it hides without script
        WebElement filters = browser.findElement(By.id("filters"));
        assertThat(filters.isDisplayed()).isTrue();
        assertThat(shown()).matches("Showing (\\d+) of \\1 providers");
        // and the stylesheet applied
        assertThat(browser.findElement(By.tagName("h2")).getCssValue("border-bottom-style")).isEqualTo("solid");
        screenshot("index.png");

        new Select(browser.findElement(By.id("f-verdict"))).selectByVisibleText("HOLD");
        String holdCount = browser.findElement(By.cssSelector("#verdicts tbody tr:first-child td:nth-child(2)")).getText();
        List<WebElement> visible = visibleRows();
        assertThat(visible).hasSize(Integer.parseInt(holdCount)).isNotEmpty();
        assertThat(visible).allSatisfy(row -> assertThat(row.findElement(By.cssSelector("td:nth-child(3)")).getText())
                .endsWith("HOLD"));
        assertThat(shown()).startsWith("Showing " + holdCount + " of ");

        browser.findElement(By.id("f-search")).sendKeys(HOLD_NPI);
        visible = visibleRows();
        assertThat(visible).as("rows shown for %s (%s): %s", HOLD_NPI, shown(),
                browser.findElement(By.id("provider-table")).getText().lines().filter(l -> l.contains(HOLD_NPI)).toList())
                .hasSize(1);
        assertThat(visible.get(0).getText()).contains("Muñoz, José", "HOLD", "EXCLUDED-OIG");
        assertThat(shown()).startsWith("Showing 1 of ");

        visible.get(0).findElement(By.linkText(HOLD_NPI)).click();
        assertThat(browser.getCurrentUrl()).endsWith("/2026-10/report/providers/" + HOLD_NPI + ".html");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Muñoz, José NPI " + HOLD_NPI);
        assertThat(browser.findElement(By.cssSelector("#decision .verdict")).getText()).isEqualTo("■ HOLD — do not credential");
        assertThat(browser.findElement(By.id("decision")).getText()).contains("Excluded by the OIG (LEIE)",
                "billed on or after the exclusion start 2026-10-05", "previous verdict (2026-09): CLEAR",
                "Verify before acting: matched by name and birth date, no NPI");
        assertThat(browser.findElement(By.id("findings")).getText()).contains("EXCLUDED-OIG");
        assertThat(browser.findElement(By.id("history")).getText()).contains("2026-09", "CLEAR");
        assertThat(browser.findElement(By.partialLinkText("Dossier workbook")).getAttribute("href"))
                .endsWith("/2026-10/dossiers/1200006165-Munoz.xlsx");
        assertOnlyReportFilesRequested();
        screenshot("provider.png");

        browser.findElement(By.linkText("Month 2026-10: all providers")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Credentialing report, 2026-10");
        browser.navigate().back();
        browser.findElement(By.linkText("Previous month: 2026-09")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/2026-09/report/providers/" + HOLD_NPI + ".html");
        assertThat(browser.findElement(By.cssSelector("#decision .verdict")).getText()).startsWith("● CLEAR");

        browser.get(index.toUri().toString());
        browser.findElement(By.linkText("Previous month: 2026-09")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Credentialing report, 2026-09");
        browser.findElement(By.linkText("All months")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Credentialing months");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("2026-10", "2026-09");
        assertNoPolicyViolation();
    }

    @Test
    void aRosterNameThatIsMarkupShowsAsTextAndRunsNothing() {
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(october.outputDir().resolve("report/index.html").toUri().toString());
        browser.findElement(By.id("f-search")).sendKeys("pwned");
        List<WebElement> visible = visibleRows();
        assertThat(visible).hasSize(1);
        assertThat(visible.get(0).findElement(By.cssSelector("td:nth-child(2)")).getText())
                .isEqualTo(ReportJobTest.HOSTILE_LAST + ", " + ReportJobTest.HOSTILE_FIRST);
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.pwned")).isEqualTo("undefined");
        visible.get(0).findElement(By.linkText(ReportJobTest.HOSTILE_NPI)).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith(ReportJobTest.HOSTILE_LAST);
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.pwned")).isEqualTo("undefined");
        assertOnlyReportFilesRequested();
    }

    private String shown() {
        return browser.findElement(By.id("shown")).getText();
    }

    private List<WebElement> visibleRows() {
        return browser.findElements(By.cssSelector("#provider-table tbody tr")).stream().filter(WebElement::isDisplayed).toList();
    }

    /**
     * Every request the browser made since the last look (pages, script, stylesheet; file:// too, which
     * the page's own Resource Timing leaves out) is for a file of a month's report folder, and those
     * of the pages' resources for this month's folder.
     */
    private void assertOnlyReportFilesRequested() {
        String output = october.output.toUri().toString();
        String folder = october.outputDir().resolve("report").toUri().toString();
        List<String> requested = browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("\"Network.requestWillBeSent\""))
                .map(ReportBrowserTest::requestUrl).toList();
        assertThat(requested).as("requests").isNotEmpty().allSatisfy(url -> assertThat(url)
                .startsWith(output).matches(".*/20\\d\\d-\\d\\d/report/[^:]*"));
        assertThat(requested).filteredOn(url -> url.endsWith(".js") || url.endsWith(".css"))
                .isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(folder));
    }

    /** The request's URL in a DevTools event: after its flat headers object ({@code "request":{"headers":{...},...,"url":"..."}}). */
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
            "\"request\":\\{\"headers\":\\{[^{}]*\\}[^{}]*?\"url\":\"([^\"]*)\"");

    private static String requestUrl(String devToolsMessage) {
        java.util.regex.Matcher m = URL.matcher(devToolsMessage);
        return m.find() ? m.group(1) : "(no url in " + devToolsMessage + ")";
    }

    /** The browser's console names no blocked resource (a policy that blocked the report's own files would). */
    private void assertNoPolicyViolation() {
        List<String> messages = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).toList();
        assertThat(messages).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target/report-screenshots").resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The month's folder with its sub-folders (exclusions, NPPES, opt-out files). */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
