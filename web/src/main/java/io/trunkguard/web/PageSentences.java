package io.trunkguard.web;

import io.trunkguard.shared.Labels;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Messages a page shows (the model's {@code message}, {@code error} and every
 * {@code ...Error} text, flash attributes included) are sentences: a capital letter
 * first, a full stop last, and a raw constant such as {@code NOT_REQUIRED} in words.
 * Domain refusals are written in lower case for logs and problem details; this is the one
 * place they become what a person reads.
 */
@Configuration(proxyBeanMethods = false)
class PageSentences implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView page) {
				if (page != null && page.getModelMap() != null) {
					for (Map.Entry<String, Object> entry : page.getModelMap().entrySet()) {
						if (entry.getValue() instanceof String text && isMessage(entry.getKey())) {
							entry.setValue(sentence(text));
						}
					}
				}
			}
		});
	}

	static boolean isMessage(String name) {
		return name.equals("message") || name.equals("error") || name.endsWith("Error");
	}

	/**
	 * {@code text} as a sentence: "the note is empty" becomes "The note is empty.";
	 * {@code NOT_REQUIRED} becomes "not required".
	 */
	public static String sentence(String text) {
		String trimmed = text == null ? "" : text.strip();
		if (trimmed.isEmpty()) {
			return trimmed;
		}
		String sentence = Labels.constantsInWords(trimmed);
		sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
		char last = sentence.charAt(sentence.length() - 1);
		return last == '.' || last == '!' || last == '?' || last == ':' || last == ')' && sentence.endsWith(".)")
				? sentence : sentence + ".";
	}

}
