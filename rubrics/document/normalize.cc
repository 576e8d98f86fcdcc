#include "rubrics/document/normalize.h"

#include <openssl/evp.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <array>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

std::string NormaliseLineEnds(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  constexpr absl::string_view kBom = "\xEF\xBB\xBF";
  // Every leading mark: leaving the second of two would make normalising
  // the result strip it, so that normalised text would not stay as it is.
  while (absl::StartsWith(text, kBom)) text.remove_prefix(kBom.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool IsBlank(absl::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (!IsSpace(NextCodePoint(text, &pos))) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<std::string> NormalizeEssayText(absl::string_view text) {
  if (text.empty()) return absl::InvalidArgumentError("text is empty");
  std::size_t bad = 0;
  if (!IsValidUtf8(text, &bad)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "text is not valid UTF-8: ill-formed byte sequence at byte offset ",
        bad));
  }
  std::string unified = NormaliseLineEnds(text);
  if (IsBlank(unified)) {
    return absl::InvalidArgumentError(
        "text is empty: it holds only white space");
  }
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) {
    return absl::InternalError(
        absl::StrCat("ICU NFC normaliser unavailable: ", u_errorName(error)));
  }
  icu::StringPiece piece(unified.data(), static_cast<int32_t>(unified.size()));
  if (nfc->isNormalizedUTF8(piece, error) && U_SUCCESS(error)) return unified;
  error = U_ZERO_ERROR;
  std::string normalised;
  icu::StringByteSink<std::string> sink(&normalised,
                                        static_cast<int32_t>(unified.size()));
  nfc->normalizeUTF8(0, piece, sink, nullptr, error);
  if (U_FAILURE(error)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "text could not be normalised to NFC: ", u_errorName(error)));
  }
  return normalised;
}

std::string Sha256Hex(absl::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(),
             nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

}  // namespace marginalia::rubrics
