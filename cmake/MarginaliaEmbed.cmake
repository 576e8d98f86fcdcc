# marginalia_embed_files(<target> NAMESPACE <ns> FUNCTION <fn> FILES <path>...)
# Compiles files into <target> as a sorted table of {name, contents}, so the
# binaries carry their built-in data (rubrics, migrations) and run from any
# folder. The generated header declares:
#   namespace <ns> { struct EmbeddedFile { const char* name; const char* data;
#   std::size_t size; }; const std::vector<EmbeddedFile>& <fn>(); }
function(marginalia_embed_files target)
  cmake_parse_arguments(ARG "" "NAMESPACE;FUNCTION;HEADER" "FILES" ${ARGN})
  set(out_cc ${CMAKE_CURRENT_BINARY_DIR}/embedded/${ARG_FUNCTION}.cc)
  set(out_h ${CMAKE_CURRENT_BINARY_DIR}/embedded/${ARG_HEADER})
  add_custom_command(
    OUTPUT ${out_cc} ${out_h}
    COMMAND ${CMAKE_COMMAND}
            -DOUT_CC=${out_cc} -DOUT_H=${out_h} -DHEADER=${ARG_HEADER}
            -DNAMESPACE=${ARG_NAMESPACE} -DFUNCTION=${ARG_FUNCTION}
            "-DFILES=${ARG_FILES}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${ARG_FUNCTION}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out_cc} ${out_h})
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/embedded)
endfunction()
