#include <string>

#include "client/commands/commands.h"

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

}  // namespace marginalia::client
