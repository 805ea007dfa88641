package org.despin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.despin.source.Passage;
import org.despin.source.SourceMatch;
import org.despin.source.StoredSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian {@code chromium} + {@code chromium-driver}, driven
 * by Selenium with the system driver, so nothing is downloaded): paste the example, check, see
 * the highlights, read an original by keyboard focus and by hover, toggle the restored text and
 * the side-by-side view, download the JSON and HTML reports. Screenshots for a laptop and a phone
 * go to {@code despin-server/target/browser-test/}.
 *
 * <p>Skipped when the browser is not installed, unless {@code -Ddespin.requireBrowser=true}
 * (CI), where a missing browser is a failure.
 */
class PageBrowserTest {
    private static final String CHROMIUM = System.getProperty("despin.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("despin.chromedriver", "/usr/bin/chromedriver");
    private static final String RESTORED = "The United Nations Security Council met on Tuesday to discuss the crisis. "
            + "Secretary-General António Guterres told reporters that the council had requested a ceasefire, "
            + "and that artificial intelligence would not replace diplomats any time soon.\n";

    private static DespinServer server;
    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path artefacts;
    private static Path downloads;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!installed) {
            String why = "headless browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver)";
            if (Boolean.getBoolean("despin.requireBrowser")) {
                fail(why + "; despin.requireBrowser=true");
            }
            Assumptions.abort(why + "; skipped");
        }
        // Selenium warns that it has no DevTools bindings for this Chromium; the test does not use them
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        artefacts = Path.of(System.getProperty("despin.artefacts", "target/browser-test"));
        downloads = artefacts.resolve("downloads");
        deleteTree(downloads);
        Files.createDirectories(downloads);
        profile = Files.createTempDirectory("despin-chromium-profile");

        server = DespinServer.start(ServerOptions.defaults().withPort(0), new ExampleChecker(), "test-model");

        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,900",
                "--lang=en-US");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("download.directory_upgrade", true);
        prefs.put("safebrowsing.enabled", false);
        options.setExperimentalOption("prefs", prefs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            deleteTree(profile);
        }
    }

    @Test
    void checkReadToggleAndDownloadOnALaptop() throws Exception {
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(server.uri().toString());
        assertEquals("despin: find spun text", driver.getTitle());

        // paste the bundled example (the button loads it) and check
        driver.findElement(By.id("example")).click();
        waitFor(() -> !driver.findElement(By.id("text")).getAttribute("value").isEmpty());
        assertEquals(ExampleChecker.exampleText(), driver.findElement(By.id("text")).getAttribute("value"));
        driver.findElement(By.id("check")).click();
        waitFor(() -> driver.findElement(By.id("results")).isDisplayed());

        // the highlights, strength shown by class (underline style) and a percentage badge
        List<WebElement> marks = driver.findElements(By.cssSelector("#marked mark.spun"));
        assertEquals(List.of("Protection Council", "go over", "Secretary-Common", "advised", "asked for",
                "counterfeit consciousness"), marks.stream().map(WebElement::getText).toList());
        assertEquals("spun strength-3", marks.get(0).getAttribute("class"));
        assertEquals("spun strength-2", marks.get(1).getAttribute("class"));
        assertEquals("spun strength-1", marks.get(4).getAttribute("class"));
        List<String> badges = driver.findElements(By.cssSelector("#marked .badge")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("97 %", "71 %", "98 %", "88 %", "55 %", "99 %"), badges);
        assertEquals("Verdict: Spun", driver.findElement(By.id("verdict")).getText());
        assertEquals("97 %", driver.findElement(By.id("score-value")).getText());
        assertTrue(driver.findElement(By.id("status")).getText().startsWith("Checked 37 words: 6 spans look spun."));

        // keyboard: Tab from the Check button until a marked span has focus; its original shows
        ((JavascriptExecutor) driver).executeScript("document.getElementById('check').focus()");
        WebElement focused = null;
        for (int i = 0; i < 20; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            if ("mark".equals(active.getTagName())) {
                focused = active;
                break;
            }
        }
        assertTrue(focused != null, "Tab never reached a marked span");
        assertEquals("Protection Council", focused.getText());
        WebElement tip = driver.findElement(By.id(focused.getAttribute("aria-describedby")));
        assertTrue(tip.isDisplayed(), "the original shows on keyboard focus");
        assertTrue(tip.getText().startsWith("Likely original: Security Council (97 % confidence)"), tip.getText());
        assertEquals("tooltip", tip.getAttribute("role"));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, document.getElementById('results').offsetTop - 8)");
        screenshot("laptop-focus.png");

        // Tab again: the next span, and the first tooltip is hidden
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement second = driver.switchTo().activeElement();
        assertEquals("go over", second.getText());
        assertFalse(tip.isDisplayed());
        assertTrue(driver.findElement(By.id(second.getAttribute("aria-describedby"))).getText()
                .startsWith("Likely original: discuss (71 % confidence)"));

        // hover shows the original too
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        WebElement fourth = marks.get(3);
        new Actions(driver).moveToElement(fourth).perform();
        WebElement hoverTip = driver.findElement(By.id(fourth.getAttribute("aria-describedby")));
        waitFor(hoverTip::isDisplayed);
        assertTrue(hoverTip.getText().startsWith("Likely original: told (88 % confidence)"), hoverTip.getText());
        new Actions(driver).moveToElement(driver.findElement(By.tagName("h1"))).perform();

        // toggle to the restored text, then to the side-by-side view
        driver.findElement(By.cssSelector("button.view[data-view='restored']")).click();
        WebElement restored = driver.findElement(By.id("restored"));
        assertTrue(restored.isDisplayed());
        assertFalse(driver.findElement(By.id("marked")).isDisplayed());
        assertEquals(RESTORED.strip(), restored.getText().strip());
        assertEquals("true", driver.findElement(By.cssSelector("button.view[data-view='restored']"))
                .getAttribute("aria-pressed"));
        driver.findElement(By.cssSelector("button.view[data-view='diff']")).click();
        assertTrue(driver.findElement(By.id("diff-input")).isDisplayed());
        assertEquals(List.of("Protection Council", "go over", "Secretary-Common", "advised", "asked for",
                "counterfeit consciousness"), driver.findElements(By.cssSelector("#diff-input del")).stream()
                        .map(WebElement::getText).toList());
        assertEquals(List.of("Security Council", "discuss", "Secretary-General", "told", "requested",
                "artificial intelligence"), driver.findElements(By.cssSelector("#diff-restored ins")).stream()
                        .map(WebElement::getText).toList());
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, document.getElementById('results').offsetTop - 8)");
        assertFalse(driver.findElement(By.id("legend")).isDisplayed(), "the legend belongs to the highlighted view");
        screenshot("laptop-diff.png");
        driver.findElement(By.cssSelector("button.view[data-view='marked']")).click();

        // download the JSON: byte for byte what the API answers
        driver.findElement(By.id("download-json")).click();
        Path json = waitForDownload("despin-report.json");
        assertEquals(apiReport(ExampleChecker.exampleText()), Files.readString(json, StandardCharsets.UTF_8));

        // download the HTML report: self-contained, no script, the findings in it
        driver.findElement(By.id("download-html")).click();
        String html = Files.readString(waitForDownload("despin-report.html"), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!doctype html>"));
        assertTrue(html.contains("Verdict: Spun"), html);
        assertTrue(html.contains("<mark class=\"strength-3\" title=\"likely original: Security Council (97 %)\">"
                + "Protection Council</mark>"), html);
        assertTrue(html.contains("<style>/* Styles of the downloadable HTML report"), "styles are inlined");
        assertFalse(html.contains("<script"));
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "the report refers to no other origin");
        Path report = artefacts.resolve("despin-report.html");
        Files.copy(waitForDownload("despin-report.html"), report, StandardCopyOption.REPLACE_EXISTING);
        // the report opens on its own, from a file, with its styles
        driver.get(report.toAbsolutePath().toUri().toString());
        assertEquals("despin report", driver.getTitle());
        assertEquals(6, driver.findElements(By.cssSelector(".text mark")).size());
        screenshot("html-report.png");
    }

    @Test
    void uploadAFile() throws Exception {
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(server.uri().toString());
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Minutes: the Protection Council met at noon.");
            doc.write(docx);
        }
        Path file = artefacts.resolve("minutes.docx");
        Files.write(file, docx.toByteArray());
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        waitFor(() -> driver.findElement(By.id("status")).getText().startsWith("Checked"));
        assertEquals("minutes.docx", driver.findElement(By.id("file-name")).getText());
        // the extracted text replaces the text box, and the highlights refer to it
        assertEquals("Minutes: the Protection Council met at noon.\n",
                driver.findElement(By.id("text")).getAttribute("value"));
        assertEquals(List.of("Protection Council"), driver.findElements(By.cssSelector("#marked mark.spun")).stream()
                .map(WebElement::getText).toList());
        assertEquals("Verdict: Uncertain", driver.findElement(By.id("verdict")).getText());
    }

    @Test
    void worksOnAPhoneScreen() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(server.uri().toString());
        screenshot("phone-start.png");
        driver.findElement(By.id("example")).click();
        waitFor(() -> !driver.findElement(By.id("text")).getAttribute("value").isEmpty());
        driver.findElement(By.id("check")).click();
        waitFor(() -> driver.findElement(By.id("results")).isDisplayed());
        assertEquals(6, driver.findElements(By.cssSelector("#marked mark.spun")).size());
        // nothing is wider than the screen
        long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow, "the page scrolls sideways on a phone");
        // a tap focuses a span and shows its original, kept inside the screen
        WebElement last = driver.findElements(By.cssSelector("#marked mark.spun")).get(5);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", last);
        last.click();
        WebElement tip = driver.findElement(By.id(last.getAttribute("aria-describedby")));
        waitFor(tip::isDisplayed);
        assertTrue(tip.getText().startsWith("Likely original: artificial intelligence"), tip.getText());
        long right = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(arguments[0].getBoundingClientRect().right);", tip);
        long width = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth;");
        assertTrue(right <= width, "tooltip sticks out of the screen: " + right + " > " + width);
        screenshot("phone-focus.png");
        // the side-by-side view stacks on a phone
        driver.findElement(By.cssSelector("button.view[data-view='diff']")).click();
        WebElement left = driver.findElement(By.id("diff-input"));
        WebElement rightBox = driver.findElement(By.id("diff-restored"));
        assertTrue(rightBox.getLocation().getY() > left.getLocation().getY() + left.getSize().getHeight() - 1,
                "the restored column is below the input column");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", left);
        screenshot("phone-diff.png");
    }

    @Test
    void findTheSourceWhenTheServerHasAnIndex() throws Exception {
        driver.manage().window().setSize(new Dimension(1366, 900));
        // without an index the button is not offered
        driver.get(server.uri().toString());
        driver.findElement(By.id("example")).click();
        waitFor(() -> !driver.findElement(By.id("text")).getAttribute("value").isEmpty());
        driver.findElement(By.id("check")).click();
        waitFor(() -> driver.findElement(By.id("results")).isDisplayed());
        assertFalse(driver.findElement(By.id("find-source")).isDisplayed());

        // a stand-in index: the restored example is the source, its first sentence aligned
        String input = ExampleChecker.exampleText();
        int queryEnd = input.indexOf('.') + 1;
        int sourceEnd = RESTORED.indexOf('.') + 1;
        StoredSource stored = new StoredSource("un/briefing.txt", RESTORED, List.of());
        SourceLookup lookup = (text, top) -> List.of(new SourceMatch("un/briefing.txt", 0.8123, 0.41, 0.93, 0.27,
                List.of(new Passage(0, queryEnd, 0, sourceEnd, 10, 12, List.of())), stored));
        try (DespinServer indexed = DespinServer.start(ServerOptions.defaults().withPort(0), new ExampleChecker(),
                lookup, "test-model")) {
            driver.get(indexed.uri().toString());
            driver.findElement(By.id("example")).click();
            waitFor(() -> !driver.findElement(By.id("text")).getAttribute("value").isEmpty());
            driver.findElement(By.id("check")).click();
            waitFor(() -> driver.findElement(By.id("results")).isDisplayed());
            WebElement find = driver.findElement(By.id("find-source"));
            waitFor(find::isDisplayed);
            assertFalse(driver.findElement(By.id("sources")).isDisplayed());
            find.click();
            waitFor(() -> !driver.findElements(By.cssSelector("#sources-list li")).isEmpty());
            assertEquals("un/briefing.txt 81 %", driver.findElement(By.cssSelector("#sources-list .source-head")).getText());
            assertEquals("Word overlap 41 % as written, 93 % after restoration; 27 % of this text aligned.",
                    driver.findElement(By.cssSelector("#sources-list .source-overlap")).getText());
            assertEquals("This text: " + input.substring(0, queryEnd),
                    driver.findElement(By.cssSelector(".passage-query")).getAttribute("textContent"));
            assertEquals("Source: " + RESTORED.substring(0, sourceEnd),
                    driver.findElement(By.cssSelector(".passage-source")).getAttribute("textContent"));
            assertTrue(driver.findElement(By.id("sources-status")).getText().startsWith("Best first."));
            ((JavascriptExecutor) driver).executeScript(
                    "window.scrollTo(0, document.getElementById('sources').offsetTop - 8)");
            screenshot("laptop-sources.png");

            // checking again hides the answer that belonged to the old text
            driver.findElement(By.id("check")).click();
            waitFor(() -> !driver.findElement(By.id("sources")).isDisplayed());
        }
    }

    @Test
    void anErrorFromTheApiIsShown() {
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(server.uri().toString());
        driver.findElement(By.id("check")).click();
        WebElement status = driver.findElement(By.id("status"));
        assertEquals("Paste a text or upload a file first.", status.getText());
        assertEquals("status error", status.getAttribute("class"));
    }

    // ---- helpers

    private static String apiReport(String text) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.uri() + "api/v1/check"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode().put("text", text).toString(), StandardCharsets.UTF_8))
                .build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static Path waitForDownload(String name) {
        Path file = downloads.resolve(name);
        waitFor(() -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(artefacts.resolve(name), png);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
