// fail_code: ends with exit code 5 (tohost = (5 << 1) | 1 = 11).
#include "nd_console.h"

int main(void) {
  nd_printf("failing with code 5\n");
  return 5;
}
