package io.omnirec.local;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Headless Chromium from Debian's packages driven by Selenium through Debian's chromedriver (never a downloaded
 * browser): opens pages of the demo site, reads its product cards and saves screenshots.
 */
final class StorefrontBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path screenshots;

    /** Whether this machine has the browser and its driver. */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    StorefrontBrowser(Path screenshots) throws IOException {
        this.screenshots = Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        "--user-data-dir=" + Files.createTempDirectory("omnirec-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits for the cards of an answer other than {@code previousRecommendationId}, and returns their item ids. */
    List<String> cardsAfter(String previousRecommendationId) {
        wait.until(d -> {
            String id = d.findElement(By.tagName("body")).getAttribute("data-recommendation-id");
            return id != null && !id.equals(previousRecommendationId)
                    && !d.findElements(By.cssSelector(".card[data-item-id]")).isEmpty();
        });
        return driver.findElements(By.cssSelector(".card[data-item-id]")).stream()
                .map(card -> card.getAttribute("data-item-id")).toList();
    }

    /** Waits for rows of a table and returns the value of an attribute of each. */
    List<String> rows(String tableId, String attribute) {
        By selector = By.cssSelector("#" + tableId + " tbody tr");
        wait.until(d -> !d.findElements(selector).isEmpty());
        return driver.findElements(selector).stream().map(row -> row.getAttribute(attribute)).toList();
    }

    /** An attribute of the page's body. */
    String bodyAttribute(String name) {
        return driver.findElement(By.tagName("body")).getAttribute(name);
    }

    String recommendationId() {
        return driver.findElement(By.tagName("body")).getAttribute("data-recommendation-id");
    }

    String strategy() {
        return driver.findElement(By.tagName("body")).getAttribute("data-strategy");
    }

    /** The reason shown on each card. */
    List<String> reasons() {
        return driver.findElements(By.cssSelector(".card .reason")).stream().map(WebElement::getText).toList();
    }

    /** Clicks a button of the card of an item. */
    void clickOnCard(String itemId, String label) {
        WebElement card = driver.findElement(By.cssSelector(".card[data-item-id='" + itemId + "']"));
        card.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " on " + itemId)).click();
    }

    /** Clicks a button by id and accepts the confirmation it asks for. */
    void clickAndConfirm(String buttonId) {
        driver.findElement(By.id(buttonId)).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Waits until the status line contains a text, and returns it. */
    String statusContaining(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
        return driver.findElement(By.id("status")).getText();
    }

    /** Saves what the page shows as {@code <name>.png}. */
    Path screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        return Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
