// Everything a nanodojo program usually needs: memory map, console, custom instructions.
#ifndef NANODOJO_H
#define NANODOJO_H

#include "nd_console.h"
#include "nd_intrinsics.h"
#include "nd_mmio.h"

#endif  // NANODOJO_H
