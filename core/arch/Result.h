// A value or the fault that prevented it: what an instruction of the model returns.
#pragma once

#include "arch/Fault.h"

#include <variant>

namespace uintr::arch {

template <class T> class Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Fault fault) : v_(fault) {}
    bool ok() const { return std::holds_alternative<T>(v_); }
    const T& value() const { return std::get<T>(v_); }
    const Fault& fault() const { return std::get<Fault>(v_); }
    MaybeFault maybeFault() const { return ok() ? MaybeFault{} : MaybeFault{fault()}; }

  private:
    std::variant<T, Fault> v_;
};

} // namespace uintr::arch
