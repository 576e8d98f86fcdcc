#include <string>
#include <vector>

#include "client/commands/commands.h"
#include "client/output/json_output.h"

namespace marginalia::client {

void AddFormatOption(CLI::App* command, Format* format, bool allow_html) {
  std::vector<std::string> formats = {"text", "json"};
  if (allow_html) formats.push_back("html");
  command
      ->add_option_function<std::string>(
          "--format",
          [format](const std::string& value) {
            *format = value == "json"   ? Format::kJson
                      : value == "html" ? Format::kHtml
                                        : Format::kText;
          },
          allow_html ? "text for people, json (Protobuf JSON mapping) for "
                       "scripts, html for a self-contained page"
                     : "text for people, json (Protobuf JSON mapping) for "
                       "scripts")
      ->check(CLI::IsMember(formats))
      ->option_text(allow_html ? "text|json|html (default: text)"
                               : "text|json (default: text)");
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
