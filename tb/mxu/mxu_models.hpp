// The Verilated MXU models the tests run, one per KLanes (tb/mxu/CMakeLists.txt).
#pragma once

#include "Vmxu_k1.h"
#include "Vmxu_k2.h"
#include "Vmxu_k4.h"

namespace nd::mxu {

struct K1 {
  using V = Vmxu_k1;
  static constexpr int kLanes = 1;
};
struct K2 {
  using V = Vmxu_k2;
  static constexpr int kLanes = 2;
};
struct K4 {
  using V = Vmxu_k4;
  static constexpr int kLanes = 4;
};

}  // namespace nd::mxu
