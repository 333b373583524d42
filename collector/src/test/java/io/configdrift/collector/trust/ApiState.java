package io.configdrift.collector.trust;

import io.configdrift.collector.testsupport.Http;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the read API answers about some services, endpoint by endpoint, to compare before and after. */
final class ApiState {
  private ApiState() {}

  static Map<String, String> capture(String baseUrl, String readToken, List<String> services) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("/v1/services", answer(baseUrl + "/v1/services", readToken));
    for (String service : services) {
      String base = "/v1/services/" + service;
      for (String path : List.of(base + "/scopes", base + "/matrix", base + "/findings",
          base + "/history?source=env&key=DB_TIMEOUT", "/v1/drift?service=" + service + "&a=staging&b=production")) {
        answers.put(path, answer(baseUrl + path, readToken));
      }
    }
    return answers;
  }

  private static String answer(String url, String token) throws Exception {
    Http.Answer answer = Http.get(url, token);
    return answer.status() + " " + answer.body();
  }
}
