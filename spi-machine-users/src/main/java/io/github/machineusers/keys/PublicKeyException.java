package io.github.machineusers.keys;

/** A public key that cannot be accepted, with the reason an administrator can act on. */
public class PublicKeyException extends RuntimeException {

    public PublicKeyException(String message) {
        super(message);
    }
}
