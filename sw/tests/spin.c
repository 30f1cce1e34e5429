// spin: prints one line, then loops forever without writing tohost (the runner's cycle limit stops it).
#include "nd_console.h"

int main(void) {
  nd_printf("spinning\n");
  for (volatile unsigned i = 0;; ++i) {
  }
  return 0;
}
