#ifndef MATCH_CONSOLE_CCRYPTO_SHIM_H
#define MATCH_CONSOLE_CCRYPTO_SHIM_H

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>

// EVP_sha256 is a plain function, but wrapping it keeps the Swift side free of OpenSSL types.
static inline int ccrypto_pbkdf2_sha256(const char *password, int password_length,
                                        const unsigned char *salt, int salt_length, int iterations,
                                        unsigned char *out, int out_length) {
    return PKCS5_PBKDF2_HMAC(password, password_length, salt, salt_length, iterations, EVP_sha256(),
                             out_length, out);
}

#endif
