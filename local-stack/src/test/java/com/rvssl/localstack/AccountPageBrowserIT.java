package com.rvssl.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.RequiredTools;
import com.rvssl.kit.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reseller's account page in a real browser (Debian's headless Chromium, through its
 * own chromedriver) against the whole running platform: an order placed through the WHMCS
 * API waits for payment, the reseller signs in with its key, tops up on the page and
 * watches the order become "Complete" without reloading. Set
 * {@code -Drvssl.screenshots.dir=<repository>/docs} to refresh the README's screenshot;
 * the pictures always land in {@code target/}.
 */
@ExtendWith(RunningPlatform.class)
class AccountPageBrowserIT {

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	/**
	 * DV issuance in the sandbox takes seconds; minutes leave room for a loaded two-core
	 * machine.
	 */
	private static final Duration ISSUANCE = Duration.ofMinutes(3);

	private static final PlatformClient http = new PlatformClient();

	private static LocalStack stack;

	private static WebDriver browser;

	@BeforeAll
	static void openTheBrowser() {
		RequiredTools.assumeInstalled(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
				"chromium and chromium-driver are not installed (.ci/run installs them)");
		stack = RunningPlatform.stack();
		ChromeOptions options = new ChromeOptions();
		// Debian's browser, so that Selenium Manager never looks for (or downloads) one
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1100,1500");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(1));
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void startSignedOut() {
		browser.get(billing("/sign-in"));
		browser.manage().deleteAllCookies();
	}

	@Test
	void aResellerSignsInSeesItsWaitingOrderTopsUpAndWatchesItBecomeCompleteWithoutAReload() throws IOException {
		String key = newResellerWithoutCredit("Page Hosting");
		String domain = "page-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		String orderId = placeOrder(key, domain);
		JsonNode waiting = awaitState(key, orderId, "WAITING_FOR_PAYMENT");
		long price = waiting.at("/price/wholesale/amount").asLong();

		signIn(key);
		awaitText(By.cssSelector("#waiting tr[data-order-id='" + orderId + "']"), "Waiting for Payment");
		awaitText(By.cssSelector("#waiting tr[data-order-id='" + orderId + "']"), domain);
		awaitText(By.cssSelector("#orders tr[data-order-id='" + orderId + "'] .status"), "Waiting for Payment");
		assertThat(text(By.id("balance"))).isEqualTo("0.00 USD");
		screenshot("account-page.png");

		browser.findElement(By.id("amount")).sendKeys(String.format("%d.%02d", price / 100, price % 100));
		browser.findElement(By.id("reference")).sendKeys("card payment");
		// the sandbox provider waits for its page to be used, as a real one does
		setPaymentAutoConfirm(false);
		try {
			browser.findElement(By.cssSelector("#top-up button[type='submit']")).click();

			// on the provider's payment page: nothing is credited until it is paid there
			awaitElement(By.id("pay"));
			assertThat(browser.getCurrentUrl()).startsWith(stack.sandboxUrl() + "/sandbox/checkout/");
			assertThat(http.get(billing("/api/v1/account"), key).body().at("/balance/amount").asLong()).isZero();
			browser.findElement(By.id("pay")).click();
			awaitElement(By.id("paid"));
		}
		finally {
			setPaymentAutoConfirm(true);
		}

		// back on the account page: the provider's signed callback credited the payment
		// and released the order
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			browser.get(billing("/account"));
			return text(By.id("top-ups")).contains("Paid: credit added");
		});
		assertThat(text(By.id("top-ups"))).contains("card payment");
		((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
		awaitText(By.cssSelector("#orders tr[data-order-id='" + orderId + "'] .status"), "Complete", ISSUANCE);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
			.as("the status changed on the open page, not by loading it again")
			.isEqualTo(true);
		assertThat(browser.findElements(By.cssSelector("#waiting tr[data-order-id='" + orderId + "']"))).isEmpty();
		assertThat(text(By.id("ledger"))).contains("Top-up").contains("Charge").contains(orderId);
		screenshot("account-page-complete.png");
		assertThat(awaitState(key, orderId, "ISSUED").at("/views/provider/status").asString()).isEqualTo("Complete");
	}

	private static void setPaymentAutoConfirm(boolean enabled) {
		PlatformClient.Reply reply = http.put(stack.sandboxUrl() + "/sandbox/payments/auto-confirm", null,
				Map.of("enabled", enabled));
		assertThat(reply.status()).isEqualTo(200);
	}

	@Test
	void aWrongKeyIsRefusedInWordsAndOpensNoAccount() {
		browser.get(billing("/sign-in"));
		browser.findElement(By.id("apiKey")).sendKeys("rvk_this-is-not-a-key");
		browser.findElement(By.cssSelector("form button[type='submit']")).click();

		awaitText(By.id("notice"), "That API key was not recognised");
		browser.get(billing("/account"));
		assertThat(browser.getCurrentUrl()).contains("/sign-in");
		assertThat(browser.findElements(By.id("balance"))).isEmpty();
	}

	@Test
	void oneResellersSessionNeverShowsAnotherResellersData() {
		String annKey = newResellerWithoutCredit("Ann Hosting");
		String annsDomain = "ann-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		String annsOrder = placeOrder(annKey, annsDomain);
		awaitState(annKey, annsOrder, "WAITING_FOR_PAYMENT");
		String bobKey = newResellerWithoutCredit("Bob Hosting");
		signIn(annKey);
		awaitElement(By.cssSelector("#orders tr[data-order-id='" + annsOrder + "']"));
		browser.findElement(By.cssSelector("header form button[type='submit']")).click();
		awaitText(By.id("notice"), "You are signed out");

		signIn(bobKey);

		String page = browser.getPageSource();
		assertThat(page).contains("Bob Hosting")
			.doesNotContain("Ann Hosting")
			.doesNotContain(annsOrder)
			.doesNotContain(annsDomain);
		browser.get(billing("/account/live"));
		assertThat(browser.getPageSource()).doesNotContain(annsOrder);
	}

	@Test
	void aFormWithATamperedCsrfTokenIsRefusedOnThePageAndChangesNothing() {
		String key = newResellerWithoutCredit("Careful Hosting");
		signIn(key);
		WebElement token = browser.findElement(By.cssSelector("#top-up input[name='_csrf']"));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = 'forged' + arguments[0].value.slice(6);",
				token);
		browser.findElement(By.id("amount")).sendKeys("500");
		browser.findElement(By.cssSelector("#top-up button[type='submit']")).click();

		awaitText(By.id("notice"), "Nothing was changed");
		assertThat(text(By.id("balance"))).isEqualTo("0.00 USD");
		JsonNode account = http.get(billing("/api/v1/account"), key).body();
		assertThat(account.at("/balance/amount").asLong()).isZero();
	}

	@Test
	void thePageFitsAPhoneWidthScreenWithoutSidewaysScrolling() throws IOException {
		String key = newResellerWithoutCredit("Phone Hosting");
		signIn(key);
		Dimension desktop = browser.manage().window().getSize();
		try {
			browser.manage().window().setSize(new Dimension(390, 844));
			browser.navigate().refresh();
			awaitElement(By.id("balance"));

			Object overflow = ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).as("pixels the page is wider than the screen")
				.isLessThanOrEqualTo(0);
			assertThat(browser.findElement(By.id("amount")).isDisplayed()).isTrue();
			screenshot("account-page-phone.png");
		}
		finally {
			browser.manage().window().setSize(desktop);
		}
	}

	// --- the steps

	private static String newResellerWithoutCredit(String name) {
		PlatformClient.Reply created = http.post(billing("/api/v1/admin/resellers"), stack.credentials().operatorKey(),
				Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 8), "currency", "USD"), Map.of());
		assertThat(created.status()).isEqualTo(201);
		String key = created.body().get("apiKey").asString();
		// order-service learns the key from billing's ResellerRegistered event
		await().atMost(Duration.ofMinutes(1))
			.until(() -> http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders", key).status() == 200);
		return key;
	}

	private static String placeOrder(String key, String domain) {
		Map<String, Object> body = Map.of("productCode", "rapidssl-dv", "termMonths", 12, "domains", List.of(domain),
				"whmcsServiceId", "whmcs-" + domain, "customer", Map.of("name", "Ann Lee", "email", "it@" + domain),
				"csr", TestCertificates.csr(TestCertificates.rsa2048(), domain), "dcv",
				Map.of("method", "EMAIL", "approverEmail", "admin@" + domain));
		PlatformClient.Reply reply = http.post(stack.url(PlatformService.ORDER) + "/api/v1/orders", key, body,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(reply.status()).as("create order: %s", reply.body()).isEqualTo(201);
		return reply.body().get("id").asString();
	}

	private static JsonNode awaitState(String key, String orderId, String state) {
		return await().atMost(ISSUANCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId, key).body(),
					(order) -> state.equals(order.get("state").asString()));
	}

	private static void signIn(String key) {
		browser.get(billing("/sign-in"));
		browser.findElement(By.id("apiKey")).sendKeys(key);
		browser.findElement(By.cssSelector("form button[type='submit']")).click();
		awaitElement(By.id("balance"));
		assertThat(browser.getCurrentUrl()).endsWith("/account");
		// the key is only ever sent in the sign-in form: nothing of it is kept in the
		// browser
		assertThat(browser.manage().getCookies()).noneMatch((cookie) -> cookie.getValue().contains(key));
		assertThat(((JavascriptExecutor) browser)
			.executeScript("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;"))
			.asString()
			.doesNotContain(key)
			.doesNotContain("SESSION");
	}

	private static WebElement awaitElement(By by) {
		return new WebDriverWait(browser, Duration.ofSeconds(30)).until((driver) -> {
			List<WebElement> found = driver.findElements(by);
			return found.isEmpty() ? null : found.get(0);
		});
	}

	private static void awaitText(By by, String expected) {
		awaitText(by, expected, Duration.ofSeconds(30));
	}

	private static void awaitText(By by, String expected, Duration timeout) {
		// the open page replaces its order rows as statuses come in, so an element found
		// may go stale
		new WebDriverWait(browser, timeout).withMessage(() -> "waiting for '" + expected + "' in " + by)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> driver.findElements(by).stream().anyMatch((e) -> e.getText().contains(expected)));
	}

	private static String text(By by) {
		return browser.findElement(by).getText();
	}

	private static void screenshot(String name) throws IOException {
		Dimension size = browser.manage().window().getSize();
		long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.body.scrollHeight;");
		browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 200, 4000)));
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		browser.manage().window().setSize(size);
		Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
		String publish = System.getProperty("rvssl.screenshots.dir");
		if (publish != null && !publish.isBlank()) {
			Files.copy(shot, Files.createDirectories(Path.of(publish)).resolve(name),
					StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static String billing(String path) {
		return stack.url(PlatformService.BILLING) + path;
	}

}
