# Warnings for our own targets only (third-party headers are -isystem and stay quiet).
function(thidua_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough -Wmissing-declarations
    # GCC 12 reports std::string concatenation at -O2 as overlapping memcpy (GCC bug 105329).
    -Wno-restrict)
  if(THIDUA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
