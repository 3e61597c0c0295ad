package com.rvssl.order.certificates;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.CollectionStore;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Renders the PEM chain the CA returned in the format asked for. */
public final class CertificateDownloads {

	private CertificateDownloads() {
	}

	public static String render(String pemChain, DownloadFormat format) {
		List<X509CertificateHolder> chain = parse(pemChain);
		return switch (format) {
			case PEM -> pem(chain);
			case BUNDLE -> pem(chain.subList(1, chain.size()));
			case PKCS7 -> pkcs7(chain);
		};
	}

	/**
	 * The certificates of a PEM text in their order (leaf first as the CA sends them).
	 */
	public static List<X509CertificateHolder> parse(String pemChain) {
		List<X509CertificateHolder> chain = new ArrayList<>();
		try (PEMParser parser = new PEMParser(new StringReader(pemChain))) {
			Object object;
			while ((object = parser.readObject()) != null) {
				if (object instanceof X509CertificateHolder certificate) {
					chain.add(certificate);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("stored certificate chain is not PEM", ex);
		}
		if (chain.isEmpty()) {
			throw new IllegalStateException("stored certificate chain holds no certificate");
		}
		return chain;
	}

	private static String pem(List<X509CertificateHolder> certificates) {
		StringWriter out = new StringWriter();
		try (PemWriter writer = new PemWriter(out)) {
			for (X509CertificateHolder certificate : certificates) {
				writer.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static String pkcs7(List<X509CertificateHolder> chain) {
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addCertificates(new CollectionStore<>(chain));
			CMSSignedData certsOnly = generator.generate(new CMSAbsentContent(), false);
			StringWriter out = new StringWriter();
			try (PemWriter writer = new PemWriter(out)) {
				writer.writeObject(new PemObject("PKCS7", certsOnly.getEncoded()));
			}
			return out.toString();
		}
		catch (CMSException | IOException ex) {
			throw new IllegalStateException("cannot build PKCS#7 of the chain", ex);
		}
	}

}
