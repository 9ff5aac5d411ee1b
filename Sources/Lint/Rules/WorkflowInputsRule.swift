import Foundation
import WorkflowModel

/// Inputs of `workflow_dispatch` and `workflow_call`: keys, types, options and defaults that agree.
struct WorkflowInputsRule: Rule {
    let description = RuleDescription(
        id: "workflow-inputs",
        summary: "workflow_dispatch/workflow_call inputs must have a valid type, choice options, and a default that fits the type.",
        rationale: "GitHub rejects an input of an unknown type, and a default outside the options breaks the \"Run workflow\" form.",
        triggering: [
            Example("""
            on:
              workflow_dispatch:
                inputs:
                  level:
                    type: choice
                    options: [debug, info]
                    default: ↓warn
                  dry-run:
                    type: boolean
                    default: ↓yes
                  count:
                    type: ↓integer
                  region:
                    ↓choices: [eu, us]
                    type: ↓choice
              workflow_call:
                inputs:
                  tag:
                    ↓description: the tag
                  name:
                    type: string
                    required: true
                    default: ↓x
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example("""
            on:
              workflow_dispatch:
                inputs:
                  level:
                    type: choice
                    options: [debug, info]
                    default: info
                  dry-run:
                    type: boolean
                    default: false
                  target:
                    type: environment
              workflow_call:
                inputs:
                  tag:
                    type: string
                    default: ${{ github.ref_name }}
                secrets:
                  token:
                    required: true
            jobs:
              build:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
        ]
    )

    static let dispatchTypes = ["string", "choice", "boolean", "number", "environment"]
    static let callTypes = ["string", "boolean", "number"]

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for event in workflow.events {
            let isCall = event.name.text == "workflow_call"
            guard isCall || event.name.text == "workflow_dispatch" else { continue }
            let types = isCall ? Self.callTypes : Self.dispatchTypes
            let keys = isCall ? ["description", "required", "default", "type"] : ["description", "required", "default", "type", "options"]
            for input in event.inputs {
                findings += check(input, types: types, keys: keys, isCall: isCall, event: event.name.text)
            }
            if isCall {
                for secret in event.secrets {
                    for pair in secret.node.pairs ?? [] where pair.name != "description" && pair.name != "required" {
                        findings.append(Finding("unknown key \"\(pair.name)\" in secret \"\(secret.id.text)\"\(Suggestion.hint(for: pair.name, in: ["description", "required"])); keys: description, required", at: pair.key))
                    }
                }
                for output in event.outputs where output.value["value"] == nil {
                    findings.append(Finding("output \"\(output.key.text)\" of workflow_call needs a \"value\" (e.g. ${{ jobs.build.outputs.tag }})", at: output.key))
                }
            }
        }
        return findings
    }

    private func check(_ input: WorkflowInput, types: [String], keys: [String], isCall: Bool, event: String) -> [Finding] {
        var findings: [Finding] = []
        let name = "input \"\(input.id.text)\" of \(event)"
        for pair in input.node.pairs ?? [] where !keys.contains(pair.name) {
            findings.append(Finding("unknown key \"\(pair.name)\" in \(name)\(Suggestion.hint(for: pair.name, in: keys)); keys: \(keys.joined(separator: ", "))", at: pair.key))
        }
        let type = input.type?.text ?? "string"
        if let declared = input.type, !types.contains(declared.text) {
            findings.append(Finding("\(name) has type \"\(declared.text)\"\(Suggestion.hint(for: declared.text, in: types)); types: \(types.joined(separator: ", "))", at: declared))
        } else if isCall && input.type == nil, let key = input.node.pairs?.first?.key {
            findings.append(Finding("\(name) needs a \"type\": string, boolean or number", at: key))
        }
        if type == "choice" && input.options.isEmpty, let declared = input.type {
            findings.append(Finding("\(name) is a choice without \"options\": list the choices", at: declared))
        }
        guard let value = input.defaultValue, let text = value.scalar, !text.containsExpression else { return findings }
        switch type {
        case "boolean" where value.bool == nil:
            findings.append(Finding("default of boolean \(name) must be true or false, found \"\(text)\"", at: value))
        case "number" where Double(text.trimmingCharacters(in: .whitespaces)) == nil:
            findings.append(Finding("default of number \(name) must be a number, found \"\(text)\"", at: value))
        case "choice" where !input.options.isEmpty && !input.options.contains(where: { $0.text == text }):
            findings.append(Finding("default \"\(text)\" of \(name) is not one of its options: \(input.options.map(\.text).joined(separator: ", "))", at: value))
        default:
            if isCall && input.required == true {
                findings.append(Finding("\(name) is required, so its default is never used: drop \"default\" or \"required: true\"", at: value, severity: .warning))
            }
        }
        return findings
    }
}
