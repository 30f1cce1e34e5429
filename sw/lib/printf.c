// A small printf for nanodojo programs, written in portable C so the same code runs on the core and on
// the host (the program tests compare both outputs byte for byte). Everything goes through nd_putc().
// Supported: %d %i %u %x %X %o %c %s %p %%, flags - 0 + space #, width and precision (digits or *),
// length modifiers hh h l ll z j t. Unknown conversions are printed literally.
#include <stddef.h>
#include <stdint.h>

#include "nd_console.h"

void nd_puts(const char* s) {
  while (*s) nd_putc(*s++);
}

typedef struct {
  int left;   // '-'
  int zero;   // '0'
  int plus;   // '+'
  int space;  // ' '
  int alt;    // '#'
  int width;
  int prec;  // -1 = none
} spec_t;

static int pad(char c, int n) {
  for (int i = 0; i < n; ++i) nd_putc(c);
  return n > 0 ? n : 0;
}

// Prints one integer given as magnitude and sign, honouring the flags, width and precision.
static int put_int(unsigned long long mag, int negative, unsigned base, int upper, const spec_t* s) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char buf[24];  // 2^64 in octal needs 22 digits
  int n = 0;
  // 32-bit arithmetic when the value fits: on RV32 a 64-bit division is a libgcc loop of divides.
  for (uint32_t m32; mag != 0;) {
    if (mag > 0xffffffffu) {
      buf[n++] = digits[mag % base];
      mag /= base;
      continue;
    }
    for (m32 = (uint32_t)mag; m32 != 0; m32 /= base) buf[n++] = digits[m32 % base];
    mag = 0;
  }
  int ndigits = n;
  if (s->prec >= 0) {
    if (ndigits < s->prec) ndigits = s->prec;
  } else if (n == 0) {
    ndigits = 1;  // "0"; precision 0 with value 0 prints no digits
  }
  if (s->alt && base == 8 && ndigits <= n) ndigits = n + 1;  // '#' octal: force a leading zero
  const char* prefix = "";
  if (negative) {
    prefix = "-";
  } else if (base == 10 && s->plus) {
    prefix = "+";
  } else if (base == 10 && s->space) {
    prefix = " ";
  } else if (s->alt && base == 16 && n > 0) {
    prefix = upper ? "0X" : "0x";
  }
  int plen = 0;
  while (prefix[plen]) ++plen;
  const int body = plen + ndigits;
  const int fill = s->width > body ? s->width - body : 0;
  int out = 0;
  const int zero_fill = s->zero && !s->left && s->prec < 0;
  if (!s->left && !zero_fill) out += pad(' ', fill);
  for (int i = 0; prefix[i]; ++i, ++out) nd_putc(prefix[i]);
  if (zero_fill) out += pad('0', fill);
  out += pad('0', ndigits - n);
  for (int i = n - 1; i >= 0; --i, ++out) nd_putc(buf[i]);
  if (s->left) out += pad(' ', fill);
  return out;
}

static int put_str(const char* str, const spec_t* s) {
  if (str == NULL) str = "(null)";
  int len = 0;
  while (str[len] && (s->prec < 0 || len < s->prec)) ++len;
  const int fill = s->width > len ? s->width - len : 0;
  int out = 0;
  if (!s->left) out += pad(' ', fill);
  for (int i = 0; i < len; ++i, ++out) nd_putc(str[i]);
  if (s->left) out += pad(' ', fill);
  return out;
}

int nd_vprintf(const char* fmt, va_list ap) {
  int out = 0;
  for (const char* p = fmt; *p; ++p) {
    if (*p != '%') {
      nd_putc(*p);
      ++out;
      continue;
    }
    const char* start = p++;
    spec_t s = {0, 0, 0, 0, 0, 0, -1};
    for (;; ++p) {
      if (*p == '-')
        s.left = 1;
      else if (*p == '0')
        s.zero = 1;
      else if (*p == '+')
        s.plus = 1;
      else if (*p == ' ')
        s.space = 1;
      else if (*p == '#')
        s.alt = 1;
      else
        break;
    }
    if (*p == '*') {
      s.width = va_arg(ap, int);
      if (s.width < 0) s.left = 1, s.width = -s.width;
      ++p;
    } else {
      while (*p >= '0' && *p <= '9') s.width = s.width * 10 + (*p++ - '0');
    }
    if (*p == '.') {
      ++p;
      s.prec = 0;
      if (*p == '*') {
        s.prec = va_arg(ap, int);
        ++p;
      } else {
        while (*p >= '0' && *p <= '9') s.prec = s.prec * 10 + (*p++ - '0');
      }
    }
    int len = 0;     // 0 int, 1 long, 2 long long, 3 size_t/intmax/ptrdiff
    int narrow = 0;  // 1 short, 2 char
    for (;; ++p) {
      if (*p == 'l')
        ++len;
      else if (*p == 'h')
        ++narrow;
      else if (*p == 'z' || *p == 't')
        len = 3;
      else if (*p == 'j')
        len = 2;
      else
        break;
    }
    const char c = *p;
    if (c == 'd' || c == 'i') {
      long long v;
      if (len == 1)
        v = va_arg(ap, long);
      else if (len == 2)
        v = va_arg(ap, long long);
      else if (len == 3)
        v = (long long)va_arg(ap, ptrdiff_t);
      else
        v = va_arg(ap, int);
      if (narrow == 1) v = (short)v;
      if (narrow >= 2) v = (signed char)v;
      const unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
      out += put_int(mag, v < 0, 10, 0, &s);
    } else if (c == 'u' || c == 'x' || c == 'X' || c == 'o') {
      unsigned long long v;
      if (len == 1)
        v = va_arg(ap, unsigned long);
      else if (len == 2)
        v = va_arg(ap, unsigned long long);
      else if (len == 3)
        v = va_arg(ap, size_t);
      else
        v = va_arg(ap, unsigned);
      if (narrow == 1) v = (unsigned short)v;
      if (narrow >= 2) v = (unsigned char)v;
      const unsigned base = c == 'u' ? 10 : c == 'o' ? 8 : 16;
      out += put_int(v, 0, base, c == 'X', &s);
    } else if (c == 'p') {
      spec_t ps = s;
      ps.alt = 1;
      out += put_int((uintptr_t)va_arg(ap, void*), 0, 16, 0, &ps);
    } else if (c == 'c') {
      const char ch = (char)va_arg(ap, int);
      const int fill = s.width > 1 ? s.width - 1 : 0;
      if (!s.left) out += pad(' ', fill);
      nd_putc(ch);
      ++out;
      if (s.left) out += pad(' ', fill);
    } else if (c == 's') {
      out += put_str(va_arg(ap, const char*), &s);
    } else if (c == '%') {
      nd_putc('%');
      ++out;
    } else {
      // Unknown conversion (or the string ended): print the directive as written.
      for (const char* q = start; q <= p && *q; ++q, ++out) nd_putc(*q);
      if (!c) break;
    }
  }
  return out;
}

int nd_printf(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int n = nd_vprintf(fmt, ap);
  va_end(ap);
  return n;
}
