/* LD_PRELOAD key logger for programs linked with OpenSSL 3.0 that cannot write an NSS key log
 * themselves (kamailio 5.6's tls module, baresip 1.0's libre). It installs OpenSSL's keylog
 * callback on every SSL_CTX before its first SSL is created, and appends each line to the file
 * named by SSLKEYLOGFILE. Built by make-captures.sh:
 *   gcc -shared -fPIC -o sslkeylog.so sslkeylog.c -ldl -lssl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <openssl/ssl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void keylog_line(const SSL *ssl, const char *line) {
    (void) ssl;
    const char *path = getenv("SSLKEYLOGFILE");
    if (path == NULL || *path == '\0') return;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (fd < 0) return;
    size_t n = strlen(line);
    char *buf = malloc(n + 1);
    if (buf != NULL) {
        memcpy(buf, line, n);
        buf[n] = '\n';
        ssize_t w = write(fd, buf, n + 1);
        (void) w;
        free(buf);
    }
    close(fd);
}

SSL *SSL_new(SSL_CTX *ctx) {
    static SSL *(*real_ssl_new)(SSL_CTX *) = NULL;
    if (real_ssl_new == NULL) real_ssl_new = (SSL *(*)(SSL_CTX *)) dlsym(RTLD_NEXT, "SSL_new");
    if (ctx != NULL && SSL_CTX_get_keylog_callback(ctx) == NULL)
        SSL_CTX_set_keylog_callback(ctx, keylog_line);
    return real_ssl_new(ctx);
}
