package io.trunkguard.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * One headless Chromium per test JVM, driven by Selenium through Debian's
 * {@code /usr/bin/chromedriver} and {@code /usr/bin/chromium} (never a downloaded browser
 * or driver). Closed when the JVM exits.
 *
 * <p>
 * If Chromium or its driver is missing the tests that need it fail with a message saying
 * which Debian packages to install; they are never skipped.
 */
public final class Browser {

	public static final Path CHROMIUM = Paths.get(System.getProperty("trunkguard.chromium", "/usr/bin/chromium"));

	public static final Path CHROMEDRIVER = Paths
		.get(System.getProperty("trunkguard.chromedriver", "/usr/bin/chromedriver"));

	private static Browser instance;

	private final ChromeDriver driver;

	/** The browser, started on first use. */
	public static synchronized Browser get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	public WebDriver driver() {
		return driver;
	}

	/**
	 * Forgets every cookie (of all hosts and ports: the app and Keycloak share
	 * 127.0.0.1).
	 */
	public WebDriver freshSession() {
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		driver.get("about:blank");
		return driver;
	}

	/** Saves a PNG of the current page. */
	public Path screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write screenshot " + file, e);
		}
	}

	/**
	 * Saves a PNG and the HTML of the current page under target/browser-failures, for a
	 * failed test.
	 */
	public void saveEvidence(String name) {
		Path dir = Paths.get("target", "browser-failures");
		String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
		try {
			Files.createDirectories(dir);
			screenshot(dir.resolve(safe + ".png"));
			Files.writeString(dir.resolve(safe + ".html"),
					"<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
		}
		catch (RuntimeException | IOException e) {
			System.err.println("Could not save browser evidence for " + name + ": " + e);
		}
	}

	private static Browser start() {
		requireExecutable(CHROMIUM, "Chromium");
		requireExecutable(CHROMEDRIVER, "chromedriver");
		Path profile;
		Path logDir = Paths.get("target", "browser-logs").toAbsolutePath();
		try {
			Files.createDirectories(logDir);
			profile = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "chromium-profile-");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create Chromium's profile directory under target/", e);
		}

		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1366,900", "--lang=en-US", "--user-data-dir=" + profile);
		options.setPageLoadTimeout(Duration.ofSeconds(60));

		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(logDir.resolve("chromedriver.log").toFile())
			.build();
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException e) {
			throw new IllegalStateException("Chromium did not start through " + CHROMEDRIVER + " (see "
					+ logDir.resolve("chromedriver.log") + "): " + e.getMessage(), e);
		}
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				driver.quit();
			}
			catch (RuntimeException ignored) {
				// the JVM is going away; chromedriver dies with it
			}
		}, "browser-quit"));
		return new Browser(driver);
	}

	private static void requireExecutable(Path path, String what) {
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException(what + " not found at " + path + ". The browser tests need Debian's "
					+ "'chromium' and 'chromium-driver' packages (apt-get install -y chromium chromium-driver; "
					+ ".ci/run installs them).");
		}
	}

	/**
	 * Clicks what submits or navigates and waits (30 s at most) until the old document is
	 * gone: an element the next page shares with the old one (the message, the progress
	 * bar) could otherwise be read from the old page while it unloads. Chromium answers a
	 * question about an element of an unloaded document either with a stale-element error
	 * or with "Node with given id does not belong to the document"; both mean the page
	 * was replaced.
	 */
	public static void clickAndWaitForNextPage(WebDriver browser, By target) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(target).click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> replaced(page));
	}

	private static boolean replaced(WebElement page) {
		try {
			page.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException e) {
			return true;
		}
		catch (WebDriverException e) {
			String message = String.valueOf(e.getMessage());
			if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
				return true;
			}
			throw e;
		}
	}

}
