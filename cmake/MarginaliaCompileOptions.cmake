# Warnings are errors in our own code only: link marginalia::warnings PRIVATE
# into every target we write. Generated and third-party code does not get it.
add_library(marginalia_warnings INTERFACE)
add_library(marginalia::warnings ALIAS marginalia_warnings)
target_compile_options(marginalia_warnings INTERFACE
  -Wall -Wextra -Werror -Wnon-virtual-dtor -Wimplicit-fallthrough
  # GCC's spelling; clang (the fuzz build) names the same check differently.
  $<IF:$<CXX_COMPILER_ID:GNU>,-Wshadow=local,-Wshadow-uncaptured-local>)

# The sanitizers must cover every object in a binary, generated code included,
# so they are directory-wide rather than per target.
if(MARGINALIA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# The fuzz build: every object instrumented for libFuzzer's coverage and
# checked by ASan and UBSan; the fuzz targets add libFuzzer's main.
if(MARGINALIA_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MARGINALIA_FUZZ needs clang (CMAKE_CXX_COMPILER="
            "clang++); scripts/fuzz sets it up")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
                      -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
