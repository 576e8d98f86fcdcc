#include <string>

#include "client/commands/commands.h"
#include "client/output/json_output.h"

namespace marginalia::client {

void AddFormatOption(CLI::App* command, Format* format) {
  command
      ->add_option_function<std::string>(
          "--format",
          [format](const std::string& value) {
            *format = value == "json" ? Format::kJson : Format::kText;
          },
          "text for people, json (Protobuf JSON mapping) for scripts")
      ->check(CLI::IsMember({"text", "json"}))
      ->option_text("text|json (default: text)");
}

int Finish(CliContext& context, const grpc::Status& status,
           const google::protobuf::Message& response, Format format,
           const std::function<void(std::ostream&)>& text) {
  if (!status.ok()) return context.ReportRpcError(status);
  if (format == Format::kJson) {
    context.out() << ToJson(response);
  } else {
    text(context.out());
  }
  return kExitOk;
}

}  // namespace marginalia::client
