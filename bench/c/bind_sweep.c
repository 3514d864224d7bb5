/*
 * The reference for ephemeral-sweep-10k: the lesson's bind/close loop in C, the way the JDK does
 * it for new ServerSocket().bind(127.0.0.1:0) on Linux: an IPv6 (dual-stack) socket bound to
 * ::ffff:127.0.0.1 port 0 with SO_REUSEADDR on, listen(50), read the port back, close.
 *
 * Usage: bind_sweep COUNT REPS [reuse=1|0]. Prints "first_s median_s distinct_ports": the first
 * repetition is the cold one; the median is over all repetitions. Only loopback is touched.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s COUNT REPS [reuse=1|0]\n", argv[0]);
    return 2;
  }
  int count = atoi(argv[1]), reps = atoi(argv[2]);
  int reuse = argc > 3 ? atoi(argv[3]) : 1;
  if (count < 1 || count > 1000000 || reps < 1 || reps > 100) {
    fprintf(stderr, "COUNT 1..1000000, REPS 1..100\n");
    return 2;
  }
  struct sockaddr_in6 any;
  memset(&any, 0, sizeof any);
  any.sin6_family = AF_INET6;
  inet_pton(AF_INET6, "::ffff:127.0.0.1", &any.sin6_addr);
  double *seconds = calloc(reps, sizeof *seconds);
  static unsigned char seen[65536];
  int distinct = 0;
  for (int r = 0; r < reps; r++) {
    double start = now();
    for (int i = 0; i < count; i++) {
      int fd = socket(AF_INET6, SOCK_STREAM, 0);
      struct sockaddr_in6 a = any;
      socklen_t len = sizeof a;
      if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse) < 0
          || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(fd, 50) < 0
          || getsockname(fd, (struct sockaddr *)&a, &len) < 0) {
        perror("bind_sweep");
        return 1;
      }
      if (r == 0 && !seen[ntohs(a.sin6_port)]++) distinct++;
      close(fd);
    }
    seconds[r] = now() - start;
  }
  double first = seconds[0];
  qsort(seconds, reps, sizeof *seconds, compare);
  printf("%.4f %.4f %d\n", first, seconds[reps / 2], distinct);
  free(seconds);
  return 0;
}
