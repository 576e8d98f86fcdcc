// marginalia course create ID [--title T] | list | members ID
//                                                  [--format text|json]
#include <memory>
#include <string>

#include "absl/strings/str_format.h"
#include "client/commands/commands.h"
#include "marginalia/v1/admin.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct CourseArgs {
  std::string id, title;
  Format format = Format::kText;
};

}  // namespace

void AddCourseCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<CourseArgs>();
  CLI::App* course = app.add_subcommand("course", "Create and list courses");
  course->require_subcommand(1);
  auto stub = [&context] {
    return v1::AdminService::NewStub(context.Channel());
  };

  CLI::App* create =
      course->add_subcommand("create", "Create a course (admin)");
  create->add_option("ID", args->id, "course id: a-z 0-9 . _ -")->required();
  create->add_option("--title", args->title, "course title");
  AddFormatOption(create, &args->format);
  create->callback([=, &context] {
    v1::CreateCourseRequest request;
    request.mutable_course()->set_id(args->id);
    request.mutable_course()->set_title(args->title);
    v1::CreateCourseResponse response;
    grpc::Status status = stub()->CreateCourse(context.NewCallContext().get(),
                                               request, &response);
    *exit_code = Finish(context, status, response.course(), args->format,
                        [&](std::ostream& out) {
                          out << "Created course " << response.course().id()
                              << "\n";
                        });
  });

  CLI::App* list = course->add_subcommand("list", "Courses you are in");
  AddFormatOption(list, &args->format);
  list->callback([=, &context] {
    v1::ListCoursesRequest request;
    request.set_page_size(1000);
    v1::ListCoursesResponse response;
    grpc::Status status =
        stub()->ListCourses(context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          for (const v1::Course& c : response.courses()) {
            out << absl::StrFormat("%-20s %s\n", c.id(), c.title());
          }
        });
  });

  CLI::App* members = course->add_subcommand("members", "A course's roster");
  members->add_option("ID", args->id, "course id")->required();
  AddFormatOption(members, &args->format);
  members->callback([=, &context] {
    v1::ListEnrolmentsRequest request;
    request.set_course_id(args->id);
    request.set_page_size(1000);
    v1::ListEnrolmentsResponse response;
    grpc::Status status = stub()->ListEnrolments(context.NewCallContext().get(),
                                                 request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          for (const v1::Enrolment& e : response.enrolments()) {
            out << absl::StrFormat(
                "%-20s %s\n", e.user_id(),
                e.role() == v1::COURSE_ROLE_TUTOR ? "tutor" : "student");
          }
        });
  });
}

}  // namespace marginalia::client
