package io.edgegateway.keycloak;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.edgegateway.app.support.TestBrowser;

/**
 * Keycloak's own login pages, filled in as a person does: the browser is sent from the
 * gateway to Keycloak, the form's {@code action} is read from the page, the username and
 * password (or the one-time code) are posted with Keycloak's cookies, and the redirects
 * lead back to the gateway.
 */
public final class KeycloakLoginForm {

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);

	private static final Pattern OTP_FORM = Pattern.compile("<form[^>]*id=\"kc-otp-login-form\"[^>]*>", Pattern.DOTALL);

	private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

	private KeycloakLoginForm() {
	}

	/**
	 * Navigate to a page of the gateway and sign in on Keycloak's login form.
	 * @param browser the browser
	 * @param url the page
	 * @param username the user
	 * @param password the password
	 * @return the response that ends the sign-in, after all redirects
	 */
	public static HttpResponse<String> signIn(TestBrowser browser, String url, String username, String password) {
		HttpResponse<String> loginPage = browser.follow(browser.navigate(url));
		return browser.follow(submit(browser, loginPage, username, password));
	}

	/**
	 * Post the username and password to the login form's action.
	 * @param browser the browser that holds Keycloak's cookies
	 * @param loginPage Keycloak's login page
	 * @param username the user
	 * @param password the password
	 * @return Keycloak's answer, not followed
	 */
	public static HttpResponse<String> submit(TestBrowser browser, HttpResponse<String> loginPage, String username,
			String password) {
		String action = action(loginPage);
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=";
		return browser.post(action, form, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8", "Origin",
				origin(loginPage));
	}

	/**
	 * Post a one-time code to Keycloak's OTP form ("OTP Form" of a flow).
	 * @param browser the browser that holds Keycloak's cookies
	 * @param otpPage Keycloak's page asking for the code
	 * @param code the code
	 * @return Keycloak's answer, not followed
	 */
	public static HttpResponse<String> submitOtp(TestBrowser browser, HttpResponse<String> otpPage, String code) {
		String action = action(otpPage, OTP_FORM, "one-time code");
		return browser.post(action, "otp=" + encode(code) + "&login=Sign+In", "Accept",
				"text/html,application/xhtml+xml,*/*;q=0.8", "Origin", origin(otpPage));
	}

	/**
	 * Whether a page is Keycloak's page asking for a one-time code.
	 * @param page the page
	 * @return {@code true} if it shows the OTP form
	 */
	public static boolean isOtpPage(HttpResponse<String> page) {
		return page.statusCode() == 200 && OTP_FORM.matcher(page.body()).find();
	}

	/**
	 * Whether a page is Keycloak's login form (username and password).
	 * @param page the page
	 * @return {@code true} if it shows the login form
	 */
	public static boolean isLoginPage(HttpResponse<String> page) {
		return page.statusCode() == 200 && LOGIN_FORM.matcher(page.body()).find();
	}

	/**
	 * The login form's action: Keycloak's {@code login-actions/authenticate} URL with the
	 * session code of this login.
	 * @param loginPage the login page
	 * @return the absolute URL
	 */
	static String action(HttpResponse<String> loginPage) {
		return action(loginPage, LOGIN_FORM, "login");
	}

	private static String action(HttpResponse<String> loginPage, Pattern formPattern, String kind) {
		Matcher form = formPattern.matcher(loginPage.body());
		if (loginPage.statusCode() != 200 || !form.find()) {
			throw new AssertionError("Not Keycloak's " + kind + " page: " + loginPage.statusCode() + " "
					+ loginPage.uri() + "\n" + loginPage.body());
		}
		Matcher action = ACTION.matcher(form.group());
		if (!action.find()) {
			throw new AssertionError("Keycloak's login form has no action: " + form.group());
		}
		return loginPage.uri().resolve(action.group(1).replace("&amp;", "&")).toString();
	}

	private static String origin(HttpResponse<String> page) {
		return page.uri().getScheme() + "://" + page.uri().getRawAuthority();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
