# marginalia_generate_protos(<messages-out-var> <grpc-out-var> ROOT <dir> PROTOS <rel>...)
# Runs protoc for each .proto (path relative to ROOT) and returns the
# generated message sources and gRPC service sources separately, so the
# engine can link the messages without pulling in gRPC.
function(marginalia_generate_protos messages_var grpc_var)
  cmake_parse_arguments(ARG "" "ROOT" "PROTOS" ${ARGN})
  set(gen_dir ${CMAKE_CURRENT_BINARY_DIR}/gen)
  set(messages)
  set(services)
  foreach(rel IN LISTS ARG_PROTOS)
    string(REGEX REPLACE "\\.proto$" "" stem ${rel})
    set(pb ${gen_dir}/${stem}.pb.cc ${gen_dir}/${stem}.pb.h)
    set(grpc ${gen_dir}/${stem}.grpc.pb.cc ${gen_dir}/${stem}.grpc.pb.h)
    add_custom_command(
      OUTPUT ${pb} ${grpc}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${gen_dir}
      COMMAND $<TARGET_FILE:protobuf::protoc>
              --proto_path=${ARG_ROOT}
              --cpp_out=${gen_dir}
              --grpc_out=${gen_dir}
              --plugin=protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>
              ${ARG_ROOT}/${rel}
      DEPENDS ${ARG_ROOT}/${rel} protobuf::protoc gRPC::grpc_cpp_plugin
      COMMENT "protoc ${rel}"
      VERBATIM)
    list(APPEND messages ${pb})
    list(APPEND services ${grpc})
  endforeach()
  set(${messages_var} ${messages} PARENT_SCOPE)
  set(${grpc_var} ${services} PARENT_SCOPE)
endfunction()
