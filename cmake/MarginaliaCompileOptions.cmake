# Warnings are errors in our own code only: link marginalia::warnings PRIVATE
# into every target we write. Generated and third-party code does not get it.
add_library(marginalia_warnings INTERFACE)
add_library(marginalia::warnings ALIAS marginalia_warnings)
target_compile_options(marginalia_warnings INTERFACE
  -Wall -Wextra -Werror -Wshadow=local -Wnon-virtual-dtor -Wimplicit-fallthrough)

# The sanitizers must cover every object in a binary, generated code included,
# so they are directory-wide rather than per target.
if(MARGINALIA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
