package com.rvssl.notify.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every email
 * @param operatorEmail where reseller emails go while the reseller is unknown here
 */
@ConfigurationProperties("rvssl.notify")
public record EmailProperties(@DefaultValue("certificates@rvglobalsoft.com") String from,
		@DefaultValue("operator@rvglobalsoft.com") String operatorEmail) {
}
