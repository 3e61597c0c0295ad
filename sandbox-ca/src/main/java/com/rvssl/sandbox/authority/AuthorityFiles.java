package com.rvssl.sandbox.authority;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * The CA's certificates and keys as PEM files in one directory ({@code <name>.pem} and
 * {@code <name>.key}), so that the sandbox signs under the same chain after a restart.
 */
class AuthorityFiles {

	private final Path directory;

	AuthorityFiles(Path directory) {
		this.directory = directory;
	}

	boolean exist() {
		return Files.isRegularFile(certificateFile("root")) && Files.isRegularFile(keyFile("root"))
				&& Files.isRegularFile(certificateFile("intermediate")) && Files.isRegularFile(keyFile("intermediate"));
	}

	CaCredential read(String name) {
		try {
			X509CertificateHolder holder = (X509CertificateHolder) readPem(certificateFile(name));
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
			Object key = readPem(keyFile(name));
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
			PrivateKey privateKey = (key instanceof PEMKeyPair pair) ? converter.getPrivateKey(pair.getPrivateKeyInfo())
					: converter.getPrivateKey((PrivateKeyInfo) key);
			return new CaCredential(certificate, privateKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sandbox CA's " + name + " from " + this.directory, ex);
		}
		catch (java.security.cert.CertificateException | ClassCastException ex) {
			throw new IllegalStateException("Cannot read the sandbox CA's " + name + " from " + this.directory, ex);
		}
	}

	void write(String name, CaCredential credential) {
		try {
			Files.createDirectories(this.directory);
			writePem(certificateFile(name), credential.certificate());
			writePem(keyFile(name), new JcaPKCS8Generator(credential.privateKey(), null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the sandbox CA's " + name + " to " + this.directory, ex);
		}
	}

	private Object readPem(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
				PEMParser parser = new PEMParser(reader)) {
			return parser.readObject();
		}
	}

	private void writePem(Path file, Object object) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
				JcaPEMWriter pem = new JcaPEMWriter(writer)) {
			pem.writeObject(object);
		}
	}

	private Path certificateFile(String name) {
		return this.directory.resolve(name + ".pem");
	}

	private Path keyFile(String name) {
		return this.directory.resolve(name + ".key");
	}

}
