//! The admin REST endpoints (`/api/v1/admin`): the user list with paging links and roles, for
//! admins holding the `admin` scope only; the last admin keeps the role.

use app::models::{ApiScope, Role};
use reqwest::Method;
use serde_json::json;

use crate::common::rest::{call, send, token};
use crate::common::{person, user_with_role, Backend, Sessions, TestApp};

async fn admins_list_users_and_set_roles(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let root = person(&app, "root@example.org", Role::Admin).await;
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    for n in 0..21 {
        user_with_role(
            &app,
            "Learner",
            &format!("learner{n:02}@example.org"),
            Role::Learner,
        )
        .await;
    }
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let admin = token(&app, root.id, &[ApiScope::Admin]).await;

    let response = send(
        &app,
        Method::GET,
        "/api/v1/admin/users?role=learner",
        Some(&admin),
        None,
    )
    .await;
    let link = response.headers()["link"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let (status, page) = crate::common::rest::read(response).await;
    assert_eq!(status, 200);
    assert_eq!(
        (page["total"].as_u64(), page["total_pages"].as_u64()),
        (Some(22), Some(2))
    );
    assert_eq!(page["items"].as_array().map(Vec::len), Some(20));
    assert!(
        link.contains("</api/v1/admin/users?role=learner&page=2>; rel=\"next\""),
        "{link}"
    );
    let (_, found) = call(&app, Method::GET, "/api/v1/admin/users?q=ADA", &admin, None).await;
    assert_eq!(found["items"][0]["email"], "ada@example.org", "{found}");
    for bad in ["?page=0", "?role=root", &format!("?q={}", "x".repeat(201))] {
        let (status, problem) = call(
            &app,
            Method::GET,
            &format!("/api/v1/admin/users{bad}"),
            &admin,
            None,
        )
        .await;
        assert_eq!(status, 422, "{bad}: {problem}");
    }

    // Lea becomes an instructor, and her teach token starts to work.
    let lea_teach = token(&app, lea.id, &[ApiScope::Teach]).await;
    let (status, _) = call(&app, Method::GET, "/api/v1/teach/courses", &lea_teach, None).await;
    assert_eq!(status, 403);
    let role = format!("/api/v1/admin/users/{}/role", lea.id);
    let (status, user) = call(
        &app,
        Method::PUT,
        &role,
        &admin,
        Some(json!({"role": "instructor"})),
    )
    .await;
    assert_eq!((status, user["role"].as_str()), (200, Some("instructor")));
    let (status, _) = call(&app, Method::GET, "/api/v1/teach/courses", &lea_teach, None).await;
    assert_eq!(status, 200);
    let (status, _) = call(
        &app,
        Method::PUT,
        &role,
        &admin,
        Some(json!({"role": "god"})),
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = call(
        &app,
        Method::PUT,
        "/api/v1/admin/users/999999/role",
        &admin,
        Some(json!({"role": "learner"})),
    )
    .await;
    assert_eq!(status, 404);
    // The test's helpers made other admins: demote them, then root is the last one.
    let (_, admins) = call(
        &app,
        Method::GET,
        "/api/v1/admin/users?role=admin",
        &admin,
        None,
    )
    .await;
    for other in admins["items"].as_array().expect("admins") {
        if other["id"] != root.id {
            let (status, _) = call(
                &app,
                Method::PUT,
                &format!("/api/v1/admin/users/{}/role", other["id"]),
                &admin,
                Some(json!({"role": "learner"})),
            )
            .await;
            assert_eq!(status, 200);
        }
    }
    let (status, problem) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/admin/users/{}/role", root.id),
        &admin,
        Some(json!({"role": "learner"})),
    )
    .await;
    assert_eq!(status, 409, "the last admin stays: {problem}");

    // The role counts as well as the scope.
    let ada_admin_scope = token(&app, ada.id, &ApiScope::ALL).await;
    let (status, _) = call(
        &app,
        Method::GET,
        "/api/v1/admin/users",
        &ada_admin_scope,
        None,
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/admin/users/{}/role", ada.id),
        &ada_admin_scope,
        Some(json!({"role": "admin"})),
    )
    .await;
    assert_eq!(status, 403, "no instructor makes themselves an admin");
}

on_both_backends! {
    rest_admin => admins_list_users_and_set_roles;
}
