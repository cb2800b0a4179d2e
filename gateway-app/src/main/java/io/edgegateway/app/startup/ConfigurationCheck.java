package io.edgegateway.app.startup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.security.EdgeSecurityProperties;
import io.edgegateway.app.security.SignInRegistrations;
import io.edgegateway.filters.assertion.AssertionConfigurationException;
import io.edgegateway.filters.assertion.AssertionProperties;
import io.edgegateway.filters.assertion.AssertionSigner;
import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import io.edgegateway.filters.identity.IdentityHeaderInjector;
import io.edgegateway.filters.identity.IdentityHeadersConfigurationException;
import io.edgegateway.filters.identity.IdentityProperties;
import io.edgegateway.filters.user.IdentityClaimsProperties;
import io.edgegateway.filters.user.SignedInUserResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.Validator;

/**
 * Checks the configuration before any bean is created and reports every problem at once
 * ({@link ConfigurationProblemsException}): each of the gateway's
 * {@code @ConfigurationProperties} bound and validated as the application will bind it,
 * the identity headers and claim paths compiled, the identity assertion's keys (when
 * configured), the sign-in registration (when registrations are configured), and the
 * encryption keys sessions and the token cache need when they live in Redis. Without it
 * each problem stops the start on its own, one restart per missing property.
 */
class ConfigurationCheck implements BeanFactoryPostProcessor {

	private static final String OWN_PACKAGE = "io.edgegateway.";

	private static final String SESSION_KEYS = "edge.session.encryption";

	/**
	 * The token cache's own keys; without them it uses the sessions'.
	 */
	private static final String TOKEN_KEYS = "edge.token-cache.encryption";

	private static final String CLIENTS = "spring.security.oauth2.client";

	private static final String ASSERTION = "edge.assertion";

	private final Environment environment;

	ConfigurationCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Binder binder = Binder.get(this.environment);
		List<String> problems = new ArrayList<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanFactory.getType(name, false);
			ConfigurationProperties annotation = (type != null && type.getName().startsWith(OWN_PACKAGE))
					? AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class) : null;
			if (annotation != null) {
				bind(binder, annotation.prefix(), type, problems);
			}
		}
		checkIdentity(binder, problems);
		EdgeSecurityProperties security = unvalidated(binder, "edge.security", EdgeSecurityProperties.class);
		checkAssertion(binder, security, problems);
		OAuth2ClientProperties clients = bind(binder, CLIENTS, OAuth2ClientProperties.class, problems);
		if (security != null && clients != null && !clients.getRegistration().isEmpty()) {
			problems.addAll(SignInRegistrations.problems(security, clients));
		}
		if (isRedisSessionStore(beanFactory)) {
			EncryptionProperties sessionKeys = bind(binder, SESSION_KEYS, EncryptionProperties.class, problems);
			if (sessionKeys != null) {
				problems.addAll(AesGcmCipher.problems(sessionKeys, SESSION_KEYS));
			}
			EncryptionProperties tokenKeys = bind(binder, TOKEN_KEYS, EncryptionProperties.class, problems);
			if (tokenKeys != null && (tokenKeys.getActiveKey() != null || !tokenKeys.getKeys().isEmpty())) {
				problems.addAll(AesGcmCipher.problems(tokenKeys, TOKEN_KEYS));
			}
		}
		if (!problems.isEmpty()) {
			throw new ConfigurationProblemsException(problems);
		}
	}

	/**
	 * The identity headers and claim paths, compiled as the filters compile them.
	 */
	private static void checkIdentity(Binder binder, List<String> problems) {
		IdentityProperties identity = bind(binder, "edge.identity", IdentityProperties.class, new ArrayList<>());
		AssertionProperties assertion = unvalidated(binder, ASSERTION, AssertionProperties.class);
		if (identity != null) {
			try {
				IdentityHeaderInjector.from(identity,
						(assertion != null) ? Map.of(ASSERTION + ".header", assertion.getHeader()) : Map.of());
			}
			catch (IdentityHeadersConfigurationException ex) {
				problems.addAll(ex.getProblems());
			}
		}
		IdentityClaimsProperties claims = bind(binder, "edge.identity.claims", IdentityClaimsProperties.class,
				new ArrayList<>());
		if (claims != null) {
			problems.addAll(SignedInUserResolver.problems(claims));
		}
	}

	/**
	 * The identity assertion's issuer, lifetime and keys, read as the signer reads them,
	 * when keys are configured.
	 */
	private static void checkAssertion(Binder binder, @Nullable EdgeSecurityProperties security,
			List<String> problems) {
		AssertionProperties assertion = unvalidated(binder, ASSERTION, AssertionProperties.class);
		if (assertion != null && !assertion.getKeys().isEmpty()) {
			try {
				AssertionSigner.from(assertion, (security != null) ? security.getPublicBaseUrl() : null,
						Clock.systemUTC());
			}
			catch (AssertionConfigurationException ex) {
				problems.addAll(ex.getProblems());
			}
		}
	}

	/**
	 * Properties bound without their own validation, whose problems the first pass
	 * reported: for the checks that span several groups.
	 */
	private static <T> @Nullable T unvalidated(Binder binder, String prefix, Class<T> type) {
		try {
			return binder.bindOrCreate(prefix, type);
		}
		catch (BindException ex) {
			return null;
		}
	}

	private static boolean isRedisSessionStore(ConfigurableListableBeanFactory beanFactory) {
		return Arrays.stream(beanFactory.getBeanNamesForType(ReactiveSessionRepository.class, false, false))
			.map((name) -> beanFactory.getType(name, false))
			.anyMatch((type) -> type != null && !ReactiveMapSessionRepository.class.isAssignableFrom(type));
	}

	/**
	 * Bind and validate properties as Spring Boot will, recording each problem.
	 * @return the properties, or {@code null} when they do not bind
	 */
	private static <T> @Nullable T bind(Binder binder, String prefix, Class<T> type, List<String> problems) {
		Validator[] validators = (Validator.class.isAssignableFrom(type)) ? new Validator[] { new SelfValidator() }
				: new Validator[0];
		try {
			return binder.bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(validators));
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof BindValidationException validation) {
				for (ObjectError error : validation.getValidationErrors()) {
					String property = (error instanceof FieldError field)
							? prefix + "." + DataObjectPropertyName.toDashedForm(field.getField()) : prefix;
					problems.add(property + ": " + error.getDefaultMessage());
				}
			}
			else {
				problems.add(ex.getProperty() != null ? ex.getProperty().getName() + ": " + rootMessage(ex)
						: prefix + ": " + rootMessage(ex));
			}
			return null;
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage());
	}

	/**
	 * Validates a properties object that is its own {@link Validator}, as Spring Boot
	 * does when it binds one.
	 */
	private static final class SelfValidator implements Validator {

		@Override
		public boolean supports(Class<?> clazz) {
			return Validator.class.isAssignableFrom(clazz);
		}

		@Override
		public void validate(Object target, Errors errors) {
			((Validator) target).validate(target, errors);
		}

	}

}
