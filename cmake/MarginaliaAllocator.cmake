# The memory allocator of our executables. The engine makes about 1,600
# small allocations per essay (mostly the report's messages and strings);
# with glibc's malloc they cost about a quarter of its instructions, with
# tcmalloc (gperftools, Debian's libgoogle-perftools-dev) a small fraction.
# It is a property of the executables (server, CLI, benchmarks), not of the
# libraries, and it is left out under the sanitizers, which bring their own.
option(MARGINALIA_TCMALLOC
       "Link the server, CLI and benchmarks with tcmalloc (gperftools)" ON)
if(MARGINALIA_SANITIZE)
  set(MARGINALIA_TCMALLOC OFF CACHE BOOL "" FORCE)
endif()
if(MARGINALIA_TCMALLOC)
  pkg_check_modules(TCMALLOC REQUIRED IMPORTED_TARGET libtcmalloc_minimal)
  set(MARGINALIA_ALLOCATOR "tcmalloc")
else()
  set(MARGINALIA_ALLOCATOR "glibc malloc")
endif()

# Links `target` with the chosen allocator. --no-as-needed because nothing
# names a tcmalloc symbol: it replaces malloc and operator new by being
# linked, and an as-needed link would drop it. One linker argument, so that
# CMake cannot reorder or merge its parts with other libraries' flags.
function(marginalia_link_allocator target)
  target_compile_definitions(${target} PRIVATE
    MARGINALIA_ALLOCATOR="${MARGINALIA_ALLOCATOR}")
  if(MARGINALIA_TCMALLOC)
    target_link_directories(${target} PRIVATE ${TCMALLOC_LIBRARY_DIRS})
    target_link_libraries(${target} PRIVATE
      "-Wl,--push-state,--no-as-needed,-l${TCMALLOC_LIBRARIES},--pop-state")
  endif()
endfunction()
