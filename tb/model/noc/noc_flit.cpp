#include "noc_flit.hpp"

namespace nd::noc {

namespace {
constexpr uint32_t kCoordMask = (1u << kCoordW) - 1;
}

const char* flit_type_name(FlitType t) {
  switch (t) {
    case FlitType::Body:
      return "body";
    case FlitType::Head:
      return "head";
    case FlitType::Tail:
      return "tail";
    case FlitType::HeadTail:
      return "head+tail";
  }
  return "?";
}

uint32_t encode_header(const Header& h) {
  return (static_cast<uint32_t>(h.dst_x) & kCoordMask) << kHdrDstXLsb |
         (static_cast<uint32_t>(h.dst_y) & kCoordMask) << kHdrDstYLsb |
         (static_cast<uint32_t>(h.src_x) & kCoordMask) << kHdrSrcXLsb |
         (static_cast<uint32_t>(h.src_y) & kCoordMask) << kHdrSrcYLsb |
         (static_cast<uint32_t>(h.msg_class) & 1u) << kHdrClassBit |
         static_cast<uint32_t>(h.dst_host) << kHdrDstHostBit |
         static_cast<uint32_t>(h.src_host) << kHdrSrcHostBit | h.reserved << (kHdrSrcHostBit + 1);
}

Header decode_header(uint32_t w) {
  Header h;
  h.dst_x = (w >> kHdrDstXLsb) & kCoordMask;
  h.dst_y = (w >> kHdrDstYLsb) & kCoordMask;
  h.src_x = (w >> kHdrSrcXLsb) & kCoordMask;
  h.src_y = (w >> kHdrSrcYLsb) & kCoordMask;
  h.msg_class = (w >> kHdrClassBit) & 1u;
  h.dst_host = (w >> kHdrDstHostBit) & 1u;
  h.src_host = (w >> kHdrSrcHostBit) & 1u;
  h.reserved = w >> (kHdrSrcHostBit + 1);
  return h;
}

std::string to_string(const MeshShape& s) {
  return std::to_string(s.rows) + "x" + std::to_string(s.cols) + ", " + std::to_string(s.num_vcs) +
         " VCs x " + std::to_string(s.buf_depth) + " flits x " + std::to_string(s.flit_width) + " bits" +
         (s.alloc_iters == 2 ? ""
                             : ", " + std::to_string(s.alloc_iters) + " allocator iteration" +
                                   (s.alloc_iters == 1 ? "" : "s")) +
         (s.vc_policy == VcPolicy::Borrow   ? ", responses borrow request VCs"
          : s.vc_policy == VcPolicy::Shared ? ", shared VCs"
                                            : "") +
         (s.in_speedup == 2 ? "" : ", input speedup " + std::to_string(s.in_speedup));
}

const char* vc_policy_name(VcPolicy p) {
  switch (p) {
    case VcPolicy::Borrow:
      return "borrow";
    case VcPolicy::Shared:
      return "shared";
    default:
      return "separate";
  }
}

bool parse_vc_policy(const std::string& name, VcPolicy& p) {
  for (VcPolicy c : {VcPolicy::Separate, VcPolicy::Borrow, VcPolicy::Shared}) {
    if (name == vc_policy_name(c)) {
      p = c;
      return true;
    }
  }
  return false;
}

}  // namespace nd::noc
