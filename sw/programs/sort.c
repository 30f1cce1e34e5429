// sort: quicksort, insertion sort and a merge sort of the same pseudo-random data; prints checksums and
// samples and fails (exit code 1..3) if any result is not sorted or the three disagree.
#include <stdint.h>

#include "nd_console.h"

#define N 384

static int32_t data_q[N], data_i[N], data_m[N], tmp[N];

static uint32_t xorshift32(uint32_t* s) {
  uint32_t x = *s;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *s = x;
}

static void quicksort(int32_t* a, int lo, int hi) {
  while (lo < hi) {
    const int32_t pivot = a[lo + (hi - lo) / 2];
    int i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) ++i;
      while (a[j] > pivot) --j;
      if (i <= j) {
        const int32_t t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    // Recurse into the smaller half, loop on the larger one (bounded stack depth).
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
}

static void insertion_sort(int32_t* a, int n) {
  for (int i = 1; i < n; ++i) {
    const int32_t v = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      --j;
    }
    a[j + 1] = v;
  }
}

static void merge_sort(int32_t* a, int32_t* t, int n) {
  for (int width = 1; width < n; width *= 2) {
    for (int lo = 0; lo < n; lo += 2 * width) {
      const int mid = lo + width < n ? lo + width : n;
      const int hi = lo + 2 * width < n ? lo + 2 * width : n;
      int i = lo, j = mid, k = lo;
      while (i < mid && j < hi) t[k++] = a[i] <= a[j] ? a[i++] : a[j++];
      while (i < mid) t[k++] = a[i++];
      while (j < hi) t[k++] = a[j++];
    }
    for (int i = 0; i < n; ++i) a[i] = t[i];
  }
}

static int is_sorted(const int32_t* a, int n) {
  for (int i = 1; i < n; ++i) {
    if (a[i - 1] > a[i]) return 0;
  }
  return 1;
}

static uint32_t checksum(const int32_t* a, int n) {
  uint32_t h = 2166136261u;  // FNV-1a over the values
  for (int i = 0; i < n; ++i) h = (h ^ (uint32_t)a[i]) * 16777619u;
  return h;
}

int main(void) {
  uint32_t seed = 0x2545f491u;
  for (int i = 0; i < N; ++i) {
    const int32_t v = (int32_t)xorshift32(&seed) >> (i % 7);  // mixed magnitudes, both signs
    data_q[i] = data_i[i] = data_m[i] = v;
  }
  nd_printf("unsorted checksum %08x\n", (unsigned)checksum(data_q, N));
  quicksort(data_q, 0, N - 1);
  insertion_sort(data_i, N);
  merge_sort(data_m, tmp, N);
  nd_printf("quicksort  %s %08x\n", is_sorted(data_q, N) ? "sorted" : "NOT SORTED",
            (unsigned)checksum(data_q, N));
  nd_printf("insertion  %s %08x\n", is_sorted(data_i, N) ? "sorted" : "NOT SORTED",
            (unsigned)checksum(data_i, N));
  nd_printf("merge      %s %08x\n", is_sorted(data_m, N) ? "sorted" : "NOT SORTED",
            (unsigned)checksum(data_m, N));
  nd_printf("min %d max %d median %d\n", (int)data_q[0], (int)data_q[N - 1], (int)data_q[N / 2]);
  for (int i = 0; i < N; i += N / 8) nd_printf("a[%3d] = %11d\n", i, (int)data_q[i]);
  if (!is_sorted(data_q, N) || !is_sorted(data_i, N) || !is_sorted(data_m, N)) return 1;
  for (int i = 0; i < N; ++i) {
    if (data_q[i] != data_i[i]) return 2;
    if (data_q[i] != data_m[i]) return 3;
  }
  return 0;
}
