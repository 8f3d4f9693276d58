terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
      # CloudFront-scoped WAF web ACLs (and their log groups) must live in us-east-1.
      configuration_aliases = [aws.us_east_1]
    }
  }
}
