#ifndef POLICYSIM_CCRYPTO_SHIM_H
#define POLICYSIM_CCRYPTO_SHIM_H

/// The system's OpenSSL libcrypto (libssl-dev), used only for SHA-256 through its EVP API.
#include <openssl/evp.h>

#endif
