// kmod_version() (tools/kmod.h): `kmod version <N>` and the build's feature line. We emulate the
// development tree after v34.2, which still says 34. Virtual modules are neither compressed nor
// signed, so this build is the one configured without zstd, xz, zlib, OpenSSL and mbedTLS.
export const KMOD_VERSION = '34';
export const KMOD_FEATURES = '-ZSTD -XZ -ZLIB -OPENSSL -MBEDTLS';
export const KMOD_VERSION_TEXT = `kmod version ${KMOD_VERSION}\n${KMOD_FEATURES}\n`;
