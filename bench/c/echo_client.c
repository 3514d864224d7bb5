/*
 * Echo benchmark client, the same for every server it measures. It alternates rounds between
 * the servers given, so a noisy neighbour on a shared machine hits all of them alike, and pools
 * each server's samples over its rounds.
 *
 *   echo_client rtt  WARMUP_S COUNT ROUNDS PORT...
 *       16-byte round trips with TCP_NODELAY on 127.0.0.1: first WARMUP_S seconds of untimed trips
 *       per server,
 *       then COUNT timed trips per server split over ROUNDS rounds, each on a fresh connection
 *       after ROUND_WARMUP untimed trips. Prints one line per port: "PORT p50_us p99_us mean_us",
 *       p50 and p99 being medians of the per-round percentiles.
 *   echo_client tput SECONDS ROUNDS PORT...
 *       Full-duplex stream of 64 KiB writes, at most 256 KiB in flight, for SECONDS per server
 *       split over ROUNDS rounds, after 1 s untimed each. Prints one line per port: "PORT
 *       bytes_per_second", the median of the per-round rates (a round that a neighbour's burst
 *       hit does not drag the figure, as it did the mean).
 *
 * Every loop is bounded by a count or a deadline; only 127.0.0.1 is ever contacted.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MSG 16
#define CHUNK (64 * 1024)
#define WINDOW (256 * 1024)
#define MAX_PORTS 4
#define ROUND_WARMUP 200 /* untimed trips on each new connection */

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int dial(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) { perror("socket"); exit(1); }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct timeval tv = {.tv_sec = 5}; /* a stuck server fails the run instead of hanging it */
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons((unsigned short)port);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
    fprintf(stderr, "connect to 127.0.0.1:%d: %s\n", port, strerror(errno));
    exit(1);
  }
  return fd;
}

static void round_trip(int fd, const char *msg, char *reply) {
  if (write(fd, msg, MSG) != MSG) { perror("write"); exit(1); }
  size_t got = 0;
  while (got < MSG) {
    ssize_t n = read(fd, reply + got, MSG - got);
    if (n <= 0) { fprintf(stderr, "read: %s\n", n ? strerror(errno) : "EOF"); exit(1); }
    got += (size_t)n;
  }
  if (memcmp(msg, reply, MSG) != 0) { fprintf(stderr, "echo mismatch\n"); exit(1); }
}

static int cmp_ll(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return (x > y) - (x < y);
}

static double median_of(double *v, int n) {
  for (int i = 1; i < n; i++) /* insertion sort: n is the number of rounds, small */
    for (int j = i; j > 0 && v[j - 1] > v[j]; j--) { double t = v[j]; v[j] = v[j - 1]; v[j - 1] = t; }
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Per round, each server's p50 and p99; the figures are the medians over rounds. Rounds are
 * short and alternate between servers, so a burst of load from other programs on the machine
 * (which can turn a 5 us round trip into 60 us by delaying wake-ups) lands on a few rounds of
 * each server and is voted out, instead of tilting one server's pooled percentile. */
static int rtt(double warmup_s, int count, int rounds, int nports, int *ports) {
  int per_round = count / rounds;
  long long *samples = malloc(sizeof(long long) * (size_t)per_round);
  double *p50[MAX_PORTS], *p99[MAX_PORTS], sum[MAX_PORTS] = {0};
  for (int p = 0; p < nports; p++) {
    p50[p] = malloc(sizeof(double) * (size_t)rounds);
    p99[p] = malloc(sizeof(double) * (size_t)rounds);
  }
  char msg[MSG] = "0123456789abcdef", reply[MSG];
  for (int p = 0; p < nports; p++) {
    /* Lets a JIT compile the server's hot path first. Timed, not counted: on a loaded machine the
     * compiler threads get little CPU, and a fixed count sometimes ended before C2 was done. */
    int fd = dial(ports[p]);
    double until = now_s() + warmup_s;
    while (now_s() < until) round_trip(fd, msg, reply);
    close(fd);
  }
  for (int r = 0; r < rounds; r++) {
    for (int p = 0; p < nports; p++) {
      int fd = dial(ports[p]);
      for (int i = 0; i < ROUND_WARMUP; i++) round_trip(fd, msg, reply);
      for (int i = 0; i < per_round; i++) {
        msg[0] = (char)('a' + i % 26);
        long long t0 = now_ns();
        round_trip(fd, msg, reply);
        samples[i] = now_ns() - t0;
        sum[p] += samples[i];
      }
      close(fd);
      qsort(samples, (size_t)per_round, sizeof(long long), cmp_ll);
      p50[p][r] = samples[per_round / 2] / 1e3;
      p99[p][r] = samples[(int)(per_round * 0.99)] / 1e3;
    }
  }
  for (int p = 0; p < nports; p++) {
    printf("%d %.2f %.2f %.2f\n", ports[p], median_of(p50[p], rounds), median_of(p99[p], rounds),
           sum[p] / ((double)per_round * rounds) / 1e3);
    free(p50[p]);
    free(p99[p]);
  }
  free(samples);
  return 0;
}

/* Streams for `seconds`; returns the bytes echoed back within that time. */
static long long stream(int port, double seconds) {
  int fd = dial(port);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  static char out[CHUNK], in[CHUNK];
  memset(out, 'x', sizeof out);
  long long sent = 0, received = 0;
  double deadline = now_s() + seconds;
  while (now_s() < deadline) {
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    if (sent - received < WINDOW) pfd.events |= POLLOUT;
    if (poll(&pfd, 1, 100) < 0) { if (errno == EINTR) continue; perror("poll"); exit(1); }
    if (pfd.revents & (POLLERR | POLLHUP)) { fprintf(stderr, "connection broke\n"); exit(1); }
    if (pfd.revents & POLLIN) {
      ssize_t n = read(fd, in, sizeof in);
      if (n == 0) { fprintf(stderr, "server closed early\n"); exit(1); }
      if (n > 0) received += n;
    }
    if (pfd.revents & POLLOUT) {
      size_t room = (size_t)(WINDOW - (sent - received));
      ssize_t n = write(fd, out, room < CHUNK ? room : CHUNK);
      if (n > 0) sent += n;
    }
  }
  close(fd);
  return received;
}

static int tput(double seconds, int rounds, int nports, int *ports) {
  double *rate[MAX_PORTS];
  double slice = seconds / rounds;
  for (int p = 0; p < nports; p++) {
    rate[p] = calloc((size_t)rounds, sizeof(double));
    stream(ports[p], 1.0); /* warm-up, untimed */
  }
  for (int r = 0; r < rounds; r++)
    for (int p = 0; p < nports; p++) rate[p][r] = stream(ports[p], slice) / slice;
  for (int p = 0; p < nports; p++) {
    printf("%d %.0f\n", ports[p], median_of(rate[p], rounds));
    free(rate[p]);
  }
  return 0;
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN); /* a server that hangs up is an error message, not a silent death */
  if (argc >= 6 && strcmp(argv[1], "rtt") == 0 && argc - 5 <= MAX_PORTS) {
    int ports[MAX_PORTS];
    for (int i = 5; i < argc; i++) ports[i - 5] = atoi(argv[i]);
    int rounds = atoi(argv[4]);
    return rtt(atof(argv[2]), atoi(argv[3]), rounds < 1 ? 1 : rounds, argc - 5, ports);
  }
  if (argc >= 5 && strcmp(argv[1], "tput") == 0 && argc - 4 <= MAX_PORTS) {
    int ports[MAX_PORTS];
    for (int i = 4; i < argc; i++) ports[i - 4] = atoi(argv[i]);
    int rounds = atoi(argv[3]);
    return tput(atof(argv[2]), rounds < 1 ? 1 : rounds, argc - 4, ports);
  }
  fprintf(stderr, "usage: %s rtt WARMUP_S COUNT ROUNDS PORT... | tput SECONDS ROUNDS PORT...\n",
          argv[0]);
  return 2;
}
