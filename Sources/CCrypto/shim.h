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

// One-shot and incremental SHA-256 without exposing EVP_MD_CTX's layout to Swift.
static inline void *ccrypto_sha256_begin(void) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context && EVP_DigestInit_ex(context, EVP_sha256(), NULL) != 1) { EVP_MD_CTX_free(context); return NULL; }
    return context;
}

static inline int ccrypto_sha256_update(void *context, const void *bytes, size_t count) {
    return EVP_DigestUpdate((EVP_MD_CTX *)context, bytes, count);
}

static inline int ccrypto_sha256_finish(void *context, unsigned char *digest) {
    unsigned int length = 0;
    unsigned char ignored[EVP_MAX_MD_SIZE];
    int status = EVP_DigestFinal_ex((EVP_MD_CTX *)context, digest ? digest : ignored, &length);
    EVP_MD_CTX_free((EVP_MD_CTX *)context);
    return status == 1 && length == 32;
}

#endif
