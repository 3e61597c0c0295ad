package com.rvssl.notify.email;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML alternative of a plain-text email: the same words (so both parts always say
 * the same), under the reseller's brand, paragraphs as paragraphs, PEM blocks and record
 * values kept monospaced. Everything from events is escaped.
 */
final class HtmlLayout {

	private HtmlLayout() {
	}

	static String render(String brand, String subject, String text) {
		StringBuilder html = new StringBuilder(text.length() * 2);
		html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
			.append(HtmlUtils.htmlEscape(subject))
			.append("</title></head><body style=\"font-family:sans-serif\">")
			.append("<h2>")
			.append(HtmlUtils.htmlEscape(brand))
			.append("</h2>");
		for (String paragraph : paragraphs(text)) {
			String escaped = HtmlUtils.htmlEscape(paragraph);
			if (paragraph.startsWith("-----BEGIN") || paragraph.startsWith("    ")) {
				html.append("<pre>").append(escaped).append("</pre>");
			}
			else {
				html.append("<p>").append(escaped.replace("\n", "<br>")).append("</p>");
			}
		}
		return html.append("</body></html>").toString();
	}

	private static List<String> paragraphs(String text) {
		List<String> paragraphs = new ArrayList<>();
		for (String paragraph : text.split("\n\\s*\n")) {
			if (!paragraph.isBlank()) {
				paragraphs.add(paragraph.strip().equals("--") ? "" : stripTrailing(paragraph));
			}
		}
		paragraphs.removeIf(String::isEmpty);
		return paragraphs;
	}

	private static String stripTrailing(String paragraph) {
		return paragraph.replaceAll("\\s+$", "");
	}

}
