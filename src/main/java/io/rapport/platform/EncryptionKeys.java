package io.rapport.platform;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that protect consumer data, loaded from Tink JSON keyset files.
 *
 * <p>Rotation without downtime: an operator adds a new primary key to the AEAD keyset file
 * (for example with Tinkey's {@code rotate-keyset}). Every node re-reads the file when it
 * changes ({@link #reloadIfChanged()}); new values are then encrypted under the new key while
 * values written under older keys still decrypt, because the keyset keeps them.
 *
 * <p>The blind-index keyset is separate and is never rotated: an index value must stay the
 * same for the same input, or stored accounts could no longer be found by email or phone.
 */
public class EncryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(EncryptionKeys.class);

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not register its primitives", e);
        }
    }

    private final Path aeadKeysetFile;
    private final PrfSet blindIndex;
    private volatile Aead aead;
    private volatile FileTime aeadLoadedFrom;

    public EncryptionKeys(Path aeadKeysetFile, Path blindIndexKeysetFile) {
        this.aeadKeysetFile = aeadKeysetFile;
        this.aead = loadAead(aeadKeysetFile);
        this.aeadLoadedFrom = lastModified(aeadKeysetFile);
        this.blindIndex = loadPrf(blindIndexKeysetFile);
    }

    /** Creates both keyset files with fresh keys when they do not exist yet (first start, demo). */
    public static boolean generateIfMissing(Path aeadKeysetFile, Path blindIndexKeysetFile) {
        boolean generated = false;
        try {
            if (!Files.exists(aeadKeysetFile)) {
                write(aeadKeysetFile, KeysetHandle.generateNew(com.google.crypto.tink.KeyTemplates.get("AES256_GCM")));
                generated = true;
            }
            if (!Files.exists(blindIndexKeysetFile)) {
                write(blindIndexKeysetFile, KeysetHandle.generateNew(com.google.crypto.tink.KeyTemplates.get("HMAC_SHA256_PRF")));
                generated = true;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate encryption keys", e);
        }
        return generated;
    }

    /**
     * Adds a new AES-256-GCM key to the AEAD keyset file and makes it primary. Older keys stay
     * in the keyset so existing data still decrypts. Running nodes pick the change up on reload.
     */
    public static void rotate(Path aeadKeysetFile) {
        try {
            KeysetHandle current = parse(Files.readString(aeadKeysetFile));
            KeysetHandle rotated = KeysetHandle.newBuilder(current)
                    .addEntry(KeysetHandle.generateEntryFromParametersName("AES256_GCM").withRandomId().makePrimary())
                    .build();
            write(aeadKeysetFile, rotated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not rotate the keyset in " + aeadKeysetFile, e);
        }
    }

    Aead aead() {
        return aead;
    }

    PrfSet blindIndex() {
        return blindIndex;
    }

    /** Re-reads the AEAD keyset when its file changed; a broken file is logged and ignored. */
    public void reloadIfChanged() {
        FileTime modified = lastModified(aeadKeysetFile);
        if (modified != null && !modified.equals(aeadLoadedFrom)) {
            try {
                aead = loadAead(aeadKeysetFile);
                aeadLoadedFrom = modified;
                log.info("Reloaded the consumer-data keyset from {}", aeadKeysetFile);
            } catch (RuntimeException e) {
                log.error("The keyset file {} changed but could not be read; still using the previous keys", aeadKeysetFile, e);
            }
        }
    }

    private static Aead loadAead(Path file) {
        try {
            return parse(Files.readString(file)).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the encryption keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the encryption keyset " + file + " is not a Tink AEAD keyset", e);
        }
    }

    private static PrfSet loadPrf(Path file) {
        try {
            return parse(Files.readString(file)).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the blind-index keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the blind-index keyset " + file + " is not a Tink PRF keyset", e);
        }
    }

    private static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    private static void write(Path file, KeysetHandle handle) throws GeneralSecurityException {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".keyset", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the directory's permissions apply
            }
            Files.writeString(tmp, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
            // Atomic replace: a node reloading at this moment sees the old file or the new one, never half.
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keyset " + file, e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
