package com.rvssl.statussync.tracking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reissue point of the service: {@code rvssl.sync.reissue-at-fraction}. */
@Configuration(proxyBeanMethods = false)
class ReissuePointConfiguration {

	@Bean
	ReissuePoint reissuePoint(
			@Value("${rvssl.sync.reissue-at-fraction:" + ReissuePoint.DEFAULT_FRACTION + "}") double fraction) {
		return new ReissuePoint(fraction);
	}

}
