// Pagination shared by every listing of the Store.
#pragma once

#include <string>
#include <vector>

namespace marginalia::server {

// Which page of a listing to return.
struct PageRequest {
  // Default 50, at most 1000.
  int page_size = 0;
  // Empty for the first page, else a next_page_token from before.
  std::string page_token;
};

// One page of a listing, oldest first.
template <typename T>
struct Page {
  std::vector<T> items;
  // Empty on the last page.
  std::string next_page_token;
};

}  // namespace marginalia::server
