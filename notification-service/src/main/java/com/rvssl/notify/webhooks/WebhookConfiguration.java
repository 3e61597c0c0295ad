package com.rvssl.notify.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhooks' DNS: the JVM's resolver, the one place tests replace. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	HostResolver hostResolver() {
		return HostResolver.system();
	}

}
